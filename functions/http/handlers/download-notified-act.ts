import { downloadNotifiedAct } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadNotifiedAct, async ({ deps, caller, params }) =>
  json(200, await downloadNotifiedAct(deps, caller, params.id, params.kind)),
);
