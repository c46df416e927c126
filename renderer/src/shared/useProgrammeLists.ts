// The programme's own lists (support types, closure reasons…; core/domain/programmeLists.ts),
// fetched once and shared by every form that offers them and every screen that labels their codes.
import { useQuery } from '@tanstack/react-query';
import type { Code } from '../../../core/domain/codes';
import { LIST_DEFINITIONS, labeller, offered, type ListKey, type ProgrammeList } from '../../../core/domain/programmeLists';
import { callQuery } from './queryKeys';

export function useProgrammeLists() {
  return useQuery(callQuery('lists.get', {}));
}

export interface ListChoices {
  /** What a form offers: the active entries, plus the one already chosen even if since retired. */
  offered: (chosen?: string | null) => Code[];
  /** A code's words as the caseload has them now (a renamed entry reads with its new name). */
  label: (code: string | null | undefined) => string;
  /** For a form: `{ list }` as CodeSelect and CodeRadios take it. */
  codes: (chosen?: string | null) => { list: Code[] };
}

/** One list's choices and labels; until the lists arrive, the seed's (today's codes). */
export function listChoices(lists: ProgrammeList[] | undefined, key: ListKey): ListChoices {
  const list = lists?.find((l) => l.key === key) ?? { items: LIST_DEFINITIONS[key].seed.map((c) => ({ ...c, trustCode: null, retiredAt: null, used: 0 })) };
  const label = labeller(list.items, LIST_DEFINITIONS[key].seed);
  return { offered: (chosen) => offered(list, chosen), label, codes: (chosen) => ({ list: offered(list, chosen) }) };
}

export function useProgrammeList(key: ListKey): ListChoices {
  return listChoices(useProgrammeLists().data, key);
}

/** Every list's labels at once, `(list, code) => words`, for a screen that shows codes of several. */
export function useListLabels(): (list: ListKey, code: string | null | undefined) => string {
  const lists = useProgrammeLists().data;
  return (list, code) => listChoices(lists, list).label(code);
}
