import { messageSchema } from '../../domain/schemas';
import { postMessage } from '../../use-cases/messages';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const { body } = parseBody(event, messageSchema);
  return json(201, await postMessage(deps, caller, id, body));
});
