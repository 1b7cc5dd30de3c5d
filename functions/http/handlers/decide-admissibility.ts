import { decideAdmissibility } from '../../use-cases/decide-admissibility';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.decideAdmissibility, async ({ deps, caller, body, params }) =>
  json(200, await decideAdmissibility(deps, caller, params.id, body)),
);
