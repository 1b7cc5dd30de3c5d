import { getRequirements } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/requirements', async ({ deps, caller, params }) =>
  json(200, await getRequirements(deps, caller, params.id)),
);
