import { downloadConvention } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/convention', async ({ deps, caller, params }) =>
  json(200, await downloadConvention(deps, caller, params.id)),
);
