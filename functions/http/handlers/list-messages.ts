import { listMessages } from '../../use-cases/messages';
import { httpHandler, json } from '../http-handler';
import { callerOf, pageParams, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const { limit, cursor } = pageParams(event);
  return json(200, await listMessages(deps, caller, id, limit, cursor));
});
