import type { HandlerName } from './handler-modules';
import { ROUTE_TABLE } from './routes';

/**
 * Compile-time check that every route names an existing handler module. Nothing imports this file
 * (so the route table never depends on the handlers); `tsc` checks it with the rest.
 */
export const ROUTE_HANDLERS: readonly { handler: HandlerName }[] = ROUTE_TABLE;
