// The names the main process and the preload must agree on, kept in one file both import.
// The preload bundle is sandboxed and cannot load the contract (it pulls in zod and the
// passphrase dictionaries), so the main process passes METHOD_NAMES to it as an argument.

/** Each contract method `name` travels on the IPC channel `api:name`. */
export const API_CHANNEL_PREFIX = 'api:';

/** Sent by the main process whenever the session locks, so the renderer clears what it shows. */
export const LOCKED_CHANNEL = 'session:locked';

/** `--caseload-api-methods=a.b,c.d`: appended to the renderer's argv by webPreferences.additionalArguments. */
export const API_METHODS_ARG = '--caseload-api-methods=';

const METHOD_NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

export function methodsArgument(names: readonly string[]): string {
  return API_METHODS_ARG + names.join(',');
}

/** The method names the main process passed in argv; anything not shaped like a name is dropped. */
export function methodsFromArgv(argv: readonly string[]): string[] {
  const arg = argv.find((a) => a.startsWith(API_METHODS_ARG));
  if (!arg) return [];
  return arg
    .slice(API_METHODS_ARG.length)
    .split(',')
    .filter((name) => METHOD_NAME.test(name));
}
