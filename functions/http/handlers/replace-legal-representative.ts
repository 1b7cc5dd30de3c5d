import { replaceLegalRepresentativeUseCase } from '../../use-cases/replace-legal-representative';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.replaceLegalRepresentative, async ({ deps, caller, params, body }) =>
  json(200, await replaceLegalRepresentativeUseCase(deps, caller, params.id!, body)),
);
