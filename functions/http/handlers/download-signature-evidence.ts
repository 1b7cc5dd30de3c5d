import { downloadSignatureEvidence } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/convention/evidence', async ({ deps, caller, params }) =>
  json(200, await downloadSignatureEvidence(deps, caller, params.id)),
);
