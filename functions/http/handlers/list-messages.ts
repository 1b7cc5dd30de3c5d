import { listMessages } from '../../use-cases/messages';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

export const handler = endpoint(routes.listMessages, async ({ event, deps, caller, params }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await listMessages(deps, caller, params.id, limit, cursor));
});
