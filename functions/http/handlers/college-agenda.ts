import { collegeAgenda } from '../../use-cases/certificates';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

export const handler = endpoint(routes.collegeAgenda, async ({ event, deps, caller }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await collegeAgenda(deps, caller, limit, cursor));
});
