import { withdrawDossier } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const stored = await withdrawDossier(deps, caller, pathParam(event, 'id'));
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
