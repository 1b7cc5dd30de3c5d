import { listDossiers } from '../../use-cases/list-dossiers';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

export const handler = endpoint(routes.listDossiers, async ({ event, deps, caller }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await listDossiers(deps, caller, limit, cursor));
});
