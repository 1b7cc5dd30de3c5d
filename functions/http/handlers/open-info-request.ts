import { openInfoRequestUseCase } from '../../use-cases/info-requests';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/info-requests', async ({ deps, caller, body, params }) =>
  json(201, await openInfoRequestUseCase(deps, caller, params.id, body.missingItems)),
);
