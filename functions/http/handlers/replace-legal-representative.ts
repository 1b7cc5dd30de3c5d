import { replaceLegalRepresentativeUseCase } from '../../use-cases/replace-legal-representative';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('PUT /v1/companies/{id}/legal-representative', async ({ deps, caller, params, body }) =>
  json(200, await replaceLegalRepresentativeUseCase(deps, caller, params.id!, body)),
);
