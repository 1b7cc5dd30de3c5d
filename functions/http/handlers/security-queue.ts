import { securityQueue } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

/** The security reviewers' queue: the proofs they have to judge (the route's role is checked by the wrapper). */
export const handler = endpoint(routes.securityQueue, async ({ event, deps }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await securityQueue(deps, limit, cursor));
});
