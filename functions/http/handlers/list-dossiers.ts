import { listDossiers } from '../../use-cases/list-dossiers';
import { httpHandler, json } from '../http-handler';
import { callerOf, pageParams } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const { limit, cursor } = pageParams(event);
  return json(200, await listDossiers(deps, caller, limit, cursor));
});
