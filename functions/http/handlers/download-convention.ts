import { downloadConvention } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ params: ['id'] }, async ({ deps, caller, params }) =>
  json(200, await downloadConvention(deps, caller, params.id)),
);
