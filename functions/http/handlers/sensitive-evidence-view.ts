import { sensitiveEvidenceView } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/security/dossiers/{id}', async ({ deps, caller, params }) =>
  json(200, await sensitiveEvidenceView(deps, caller, params.id)),
);
