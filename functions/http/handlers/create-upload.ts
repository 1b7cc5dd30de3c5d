import { requestUpload } from '../../use-cases/request-upload';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/uploads', async ({ deps, caller, body, params }) =>
  json(201, await requestUpload(deps, caller, params.id, body)),
);
