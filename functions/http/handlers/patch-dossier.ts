import { updateDossier } from '../../use-cases/update-dossier';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag, ifMatchVersion } from '../request';

export const handler = endpoint(routes.patchDossier, async ({ event, deps, caller, body, params }) => {
  const stored = await updateDossier(deps, caller, params.id, ifMatchVersion(event), body);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
