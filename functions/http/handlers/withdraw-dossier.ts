import { withdrawDossier } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.withdrawDossier, async ({ deps, caller, params }) => {
  const stored = await withdrawDossier(deps, caller, params.id);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
