import { postMessage } from '../../use-cases/messages';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.postMessage, async ({ deps, caller, body, params }) =>
  json(201, await postMessage(deps, caller, params.id, body.body, body.attachments)),
);
