import type { AppContext } from '../context';
import type { MethodName, MethodOutput, ParsedInput } from '../contract';

export type Handler<K extends MethodName> = (ctx: AppContext, input: ParsedInput<K>) => Promise<MethodOutput<K>> | MethodOutput<K>;
export type HandlerMap<K extends MethodName> = { [P in K]: Handler<P> };
