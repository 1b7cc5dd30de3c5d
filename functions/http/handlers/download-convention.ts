import { downloadConvention } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadConvention, async ({ deps, caller, params }) =>
  json(200, await downloadConvention(deps, caller, params.id)),
);
