import { getRequirements } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.getRequirements, async ({ deps, caller, params }) =>
  json(200, await getRequirements(deps, caller, params.id)),
);
