import { postMessage } from '../../use-cases/messages';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/messages', async ({ deps, caller, body, params }) =>
  json(201, await postMessage(deps, caller, params.id, body.body)),
);
