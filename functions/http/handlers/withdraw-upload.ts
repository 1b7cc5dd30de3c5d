import { withdrawUpload } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('DELETE /v1/dossiers/{id}/uploads/{uploadId}', async ({ deps, caller, params }) =>
  json(200, await withdrawUpload(deps, caller, params.id, params.uploadId)),
);
