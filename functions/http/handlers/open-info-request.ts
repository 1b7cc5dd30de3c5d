import { openInfoRequestUseCase } from '../../use-cases/info-requests';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.openInfoRequest, async ({ deps, caller, body, params }) =>
  json(201, await openInfoRequestUseCase(deps, caller, params.id, body.missingItems)),
);
