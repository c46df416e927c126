// The cache's keys, built in one place from the contract's method names: an answer is kept under
// its method's namespace, its name, then what was asked (`['people', 'get', { id: 7 }]`). A save
// then refreshes answers by name ('people.list') or a whole namespace ('people'), and a method
// renamed in the contract fails to compile here rather than leaving a stale constant on a screen.
import { queryOptions, type QueryClient, type QueryKey } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../core/api/contract';
import { call } from './api';

type NamespaceOf<K> = K extends `${infer N}.${string}` ? N : never;
/** The part of a method's name before the dot: `people` for `people.get`. */
export type Namespace = NamespaceOf<MethodName>;
/** One method's answers, or every answer in a namespace. */
export type Target = MethodName | Namespace;

/** The key of a method's answer to what was asked (less any paging, for a list read page by page). */
export function keyFor<K extends MethodName>(method: K, asked?: Partial<MethodInput<K>>): QueryKey {
  const prefix = method.split('.');
  // A method asked nothing ({}) has one answer: its key is its name, however it was written.
  const nothingAsked = asked === undefined || (typeof asked === 'object' && asked !== null && Object.keys(asked).length === 0);
  return nothingAsked ? prefix : [...prefix, asked];
}

/** A query that calls the method with the input, kept under the key for it. */
export function callQuery<K extends MethodName>(method: K, input: MethodInput<K>) {
  return queryOptions({ queryKey: keyFor(method, input), queryFn: (): Promise<MethodOutput<K>> => call(method, input) });
}

/** Whether a cached answer came from this method (or from a method in this namespace). */
export function isFor(queryKey: QueryKey, target: Target): boolean {
  return target.split('.').every((part, i) => queryKey[i] === part);
}

/** Marks these answers as old: the ones on screen are asked again now, the rest when next shown. */
export function refresh(queryClient: QueryClient, ...targets: Target[]): void {
  for (const target of targets) void queryClient.invalidateQueries({ queryKey: target.split('.') });
}

/** Puts a method's answer straight into the cache (a save answered with what it saved). */
export function setAnswer<K extends MethodName>(
  queryClient: QueryClient,
  method: K,
  input: MethodInput<K>,
  answer: MethodOutput<K> | ((was: MethodOutput<K> | undefined) => MethodOutput<K> | undefined),
): void {
  queryClient.setQueryData<MethodOutput<K>>(keyFor(method, input), answer);
}

/** A method's cached answer, if there is one. */
export function cachedAnswer<K extends MethodName>(queryClient: QueryClient, method: K, input: MethodInput<K>): MethodOutput<K> | undefined {
  return queryClient.getQueryData<MethodOutput<K>>(keyFor(method, input));
}
