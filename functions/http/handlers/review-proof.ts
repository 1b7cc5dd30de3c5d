import { reviewSchema } from '../../domain/schemas';
import { reviewProof } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  { body: reviewSchema, params: ['id', 'uploadId'] },
  async ({ deps, caller, body, params }) =>
    json(200, await reviewProof(deps, caller, params.id, params.uploadId, body)),
);
