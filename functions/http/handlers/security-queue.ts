import { securityQueue } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';
import { pageParams } from '../request';

/** The security reviewers' queue: the proofs they have to judge (the route's role is checked by the wrapper). */
export const handler = endpoint('GET /v1/security/queue', async ({ event, deps }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await securityQueue(deps, limit, cursor));
});
