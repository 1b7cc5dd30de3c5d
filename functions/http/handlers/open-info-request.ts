import { infoRequestSchema } from '../../domain/schemas';
import { openInfoRequestUseCase } from '../../use-cases/info-requests';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ body: infoRequestSchema, params: ['id'] }, async ({ deps, caller, body, params }) =>
  json(201, await openInfoRequestUseCase(deps, caller, params.id, body.missingItems)),
);
