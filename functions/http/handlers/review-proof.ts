import { reviewProof } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  'POST /v1/dossiers/{id}/proofs/{uploadId}/review',
  async ({ deps, caller, body, params }) =>
    json(200, await reviewProof(deps, caller, params.id, params.uploadId, body)),
);
