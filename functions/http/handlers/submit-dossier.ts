import { submitDossier } from '../../use-cases/submit-dossier';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const stored = await submitDossier(deps, caller, id);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
