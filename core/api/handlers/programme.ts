// The programme's own lists (core/domain/programmeLists.ts), edited by a coordinator, and peer
// workers' development records: a worker records their own, a coordinator anyone's.
import { activeRole } from '../../../db/queries/members';
import { addDevelopment, developmentOwner, listDevelopment, removeDevelopment } from '../../../db/queries/development';
import { addListItem, programmeLists, removeListItem, updateListItem } from '../../../db/queries/programmeLists';
import { DomainError } from '../../domain/result';
import { FORBIDDEN_MESSAGE } from '../../domain/roles';
import { session, type Session } from './context';
import type { HandlerMap } from './types';

/** Someone else's development is a coordinator's to read or write; one's own is one's own. */
function mayActFor(s: Session, memberId: number): void {
  if (memberId === s.ws.memberId) return;
  if (activeRole(s.ws.orm, s.ws.memberId) !== 'coordinator') throw new DomainError('FORBIDDEN', FORBIDDEN_MESSAGE);
}

export const programmeHandlers = {
  'lists.get': (ctx) => programmeLists(session(ctx).ws.db),
  'lists.add': (ctx, input) => {
    const s = session(ctx);
    addListItem(s.ws.db, input);
    return programmeLists(s.ws.db);
  },
  'lists.change': (ctx, input) => {
    const s = session(ctx);
    updateListItem(s.ws.db, input, s.actor.now);
    return programmeLists(s.ws.db);
  },
  'lists.remove': (ctx, input) => {
    const s = session(ctx);
    removeListItem(s.ws.db, input);
    return programmeLists(s.ws.db);
  },
  'development.list': (ctx, input) => {
    const s = session(ctx);
    mayActFor(s, input.memberId);
    return listDevelopment(s.ws.orm, input.memberId);
  },
  'development.record': (ctx, input) => {
    const s = session(ctx);
    mayActFor(s, input.memberId);
    addDevelopment(s.ws.orm, input, s.actor);
    return listDevelopment(s.ws.orm, input.memberId);
  },
  'development.remove': (ctx, input) => {
    const s = session(ctx);
    const owner = developmentOwner(s.ws.orm, input.id);
    mayActFor(s, owner);
    removeDevelopment(s.ws.orm, input.id);
    return listDevelopment(s.ws.orm, owner);
  },
} satisfies HandlerMap<'lists.get' | 'lists.add' | 'lists.change' | 'lists.remove' | 'development.list' | 'development.record' | 'development.remove'>;
