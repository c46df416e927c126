// The one list of what the UI may ask of the app: method name → input schema → result type.
// Electron's IPC, the preload's client and the browser harness are all built from this object,
// so adding a method never means editing a channel list in three places.
import { z } from 'zod';
import { newPersonSchema, peopleListSchema, type PeoplePage, type PersonSummary } from '../domain/person';
import type { Result } from '../domain/result';
import { settingsPatchSchema, type Settings } from '../domain/settings';
import { createWorkspaceSchema, recoverSchema, unlockSchema, type WorkspaceStatus } from '../domain/workspace';

/** Declares a method: the schema is real, the result type is carried for the compiler only. */
function method<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

const none = z.object({}).strict();

export const contract = {
  'workspace.status': method<typeof none, WorkspaceStatus>(none),
  'workspace.create': method<typeof createWorkspaceSchema, { recoveryKey: string }>(createWorkspaceSchema),
  'session.unlock': method<typeof unlockSchema, WorkspaceStatus>(unlockSchema),
  'session.recover': method<typeof recoverSchema, WorkspaceStatus>(recoverSchema),
  'session.lock': method<typeof none, WorkspaceStatus>(none),
  'settings.get': method<typeof none, Settings>(none),
  'settings.update': method<typeof settingsPatchSchema, Settings>(settingsPatchSchema.strict()),
  'people.list': method<typeof peopleListSchema, PeoplePage>(peopleListSchema),
  'people.create': method<typeof newPersonSchema, PersonSummary>(newPersonSchema),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodOutput<K extends MethodName> = Contract[K]['output'];

/** What the renderer sees as `window.api`. */
export type ApiClient = { [K in MethodName]: (input: MethodInput<K>) => Promise<Result<MethodOutput<K>>> };

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
