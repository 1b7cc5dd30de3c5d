import { reviewProof } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.reviewProof, async ({ deps, caller, body, params }) =>
  json(200, await reviewProof(deps, caller, params.id, params.uploadId, body)),
);
