import { downloadNotifiedAct } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/documents/{kind}', async ({ deps, caller, params }) =>
  json(200, await downloadNotifiedAct(deps, caller, params.id, params.kind)),
);
