// Every contract method's implementation, gathered from one file per domain. The type makes a
// method in the contract without a handler (or the reverse) a compile error.
import type { MethodName } from '../contract';
import { auditHandlers } from './audit';
import { backupHandlers } from './backups';
import { exportHandlers } from './exports';
import { governanceHandlers } from './governance';
import { groupHandlers } from './groups';
import { importHandlers } from './imports';
import { memberHandlers } from './members';
import { peopleHandlers } from './people';
import { programmeHandlers } from './programme';
import { returnHandlers } from './returns';
import type { HandlerMap } from './types';
import { trainingHandlers } from './training';
import { workspaceHandlers } from './workspace';

export { lock, untilChecked, whenSettled } from './workspace';
export { idleLockMinutes } from './context';

export const handlers: HandlerMap<MethodName> = { ...workspaceHandlers, ...backupHandlers, ...auditHandlers, ...peopleHandlers, ...groupHandlers, ...exportHandlers, ...returnHandlers, ...governanceHandlers, ...memberHandlers, ...trainingHandlers, ...programmeHandlers, ...importHandlers };
