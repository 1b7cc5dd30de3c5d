import { downloadSensitiveEvidence } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  'GET /v1/dossiers/{id}/sensitive-evidence/{uploadId}/download',
  async ({ deps, caller, params }) =>
    json(200, await downloadSensitiveEvidence(deps, caller, params.id, params.uploadId)),
);
