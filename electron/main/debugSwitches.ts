// Switches that would let another program on the PC drive the app or read its memory: Chromium's
// remote debugging (a DevTools endpoint on a port or a pipe), Node's inspector and V8's own
// flags. The packaged app refuses to start with any of them (electron/main/index.ts).
//
// The fuses (electron-builder.yml `electronFuses`: enableNodeCliInspectArguments: false) already make
// Node ignore `--inspect*` in the packaged app, but Chromium reads its own switches
// (`--remote-debugging-port`, `--remote-debugging-pipe`, `--js-flags`) whatever the fuses say:
// this check is what keeps those out. Pure, so it is tested with many argument shapes.

/** Switch names refused, as Chromium and Node spell them (compared lower-case, `_` as `-`). */
const REFUSED_EXACT = new Set(['js-flags', 'debug-port']);
/** Every switch that starts with one of these: --remote-debugging-port/-pipe/-address…, --inspect, --inspect-brk, --inspect-port… */
const REFUSED_PREFIXES = ['remote-debugging', 'inspect'];

/**
 * The refused switches in a command line (their names only, never their values), in the order
 * they appear. `argv[0]` is the program itself and is not read. Switches may be written
 * `--name`, `-name` or (on Windows, as Chromium accepts) `/name`, with `=value` or the value as
 * the next argument, in any case.
 */
export function debuggingSwitches(argv: readonly string[], platform: NodeJS.Platform = process.platform): string[] {
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (typeof arg !== 'string') continue;
    const name = switchName(arg, platform);
    if (name === null) continue;
    if (REFUSED_EXACT.has(name) || REFUSED_PREFIXES.some((p) => name.startsWith(p))) found.push(name);
  }
  return found;
}

/** The switch's name, lower-case with `_` read as `-` (Node accepts both); null when not a switch. */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const trimmed = arg.trimStart();
  let body: string;
  if (trimmed.startsWith('--')) body = trimmed.slice(2);
  else if (trimmed.startsWith('-')) body = trimmed.slice(1);
  else if (platform === 'win32' && trimmed.startsWith('/')) body = trimmed.slice(1);
  else return null;
  const name = body.split('=', 1)[0].trim().toLowerCase().replaceAll('_', '-');
  return name === '' ? null : name;
}

export const DEBUG_SWITCHES_TITLE = 'Peer Support Caseload';
export const DEBUG_SWITCHES_MESSAGE = 'Peer Support Caseload cannot start with debugging switches. Start it from its shortcut.';
