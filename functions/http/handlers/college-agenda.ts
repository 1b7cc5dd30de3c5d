import { collegeAgenda } from '../../use-cases/certificates';
import { endpoint, json } from '../http-handler';
import { pageParams } from '../request';

export const handler = endpoint('GET /v1/college/agenda', async ({ event, deps, caller }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await collegeAgenda(deps, caller, limit, cursor));
});
