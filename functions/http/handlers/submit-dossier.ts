import { submitDossier } from '../../use-cases/submit-dossier';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.submitDossier, async ({ deps, caller, params }) => {
  const stored = await submitDossier(deps, caller, params.id);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
