import { decideAdmissibility } from '../../use-cases/decide-admissibility';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/admissibility', async ({ deps, caller, body, params }) =>
  json(200, await decideAdmissibility(deps, caller, params.id, body)),
);
