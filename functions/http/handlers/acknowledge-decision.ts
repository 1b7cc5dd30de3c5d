import { acknowledgeDecision } from '../../use-cases/decisions';
import { httpHandler, json } from '../http-handler';
import { callerOf, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const decision = await acknowledgeDecision(deps, caller, pathParam(event, 'id'));
  return json(200, { decision });
});
