import { admissibilitySchema } from '../../domain/schemas';
import { decideAdmissibility } from '../../use-cases/decide-admissibility';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ body: admissibilitySchema, params: ['id'] }, async ({ deps, caller, body, params }) =>
  json(200, await decideAdmissibility(deps, caller, params.id, body)),
);
