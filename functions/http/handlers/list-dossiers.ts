import { listDossiers } from '../../use-cases/list-dossiers';
import { endpoint, json } from '../http-handler';
import { pageParams } from '../request';

export const handler = endpoint('GET /v1/dossiers', async ({ event, deps, caller }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await listDossiers(deps, caller, limit, cursor));
});
