// Groups and workshops.
import { createGroupEvent, getGroupEvent, listGroupEvents, removeRegistration, setRegistration, updateGroupEvent } from '../../../db/queries/groups';
import { removeGroupEvent } from '../../../db/queries/corrections';
import { session } from './context';
import type { HandlerMap } from './types';

export const groupHandlers = {
  'groups.list': (ctx, input) => listGroupEvents(session(ctx).ws.orm, input),
  'groups.get': (ctx, input) => getGroupEvent(session(ctx).ws.orm, input.id),
  'groups.create': (ctx, input) => {
    const s = session(ctx);
    return getGroupEvent(s.ws.orm, createGroupEvent(s.ws.orm, input, s.actor));
  },
  'groups.update': (ctx, { id, ...patch }) => {
    const s = session(ctx);
    updateGroupEvent(s.ws.orm, id, patch, s.actor);
    return getGroupEvent(s.ws.orm, id);
  },
  'groups.setRegistration': (ctx, input) => {
    const s = session(ctx);
    setRegistration(s.ws.orm, input, s.actor);
    return getGroupEvent(s.ws.orm, input.eventId);
  },
  'groups.removeRegistration': (ctx, input) => {
    const s = session(ctx);
    removeRegistration(s.ws.orm, input);
    return getGroupEvent(s.ws.orm, input.eventId);
  },
  'groups.remove': (ctx, input) => {
    const s = session(ctx);
    return removeGroupEvent(s.ws.orm, input.id, s.actor);
  },
} satisfies HandlerMap<'groups.list' | 'groups.get' | 'groups.create' | 'groups.update' | 'groups.setRegistration' | 'groups.removeRegistration' | 'groups.remove'>;
