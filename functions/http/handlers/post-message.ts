import { messageSchema } from '../../domain/schemas';
import { postMessage } from '../../use-cases/messages';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ body: messageSchema, params: ['id'] }, async ({ deps, caller, body, params }) =>
  json(201, await postMessage(deps, caller, params.id, body.body)),
);
