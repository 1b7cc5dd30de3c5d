import { downloadUpload } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/uploads/{uploadId}/download', async ({ deps, caller, params }) =>
  json(200, await downloadUpload(deps, caller, params.id, params.uploadId)),
);
