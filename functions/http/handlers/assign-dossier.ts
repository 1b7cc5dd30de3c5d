import { assignDossier } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.assignDossier, async ({ deps, caller, params, body }) => {
  const stored = await assignDossier(deps, caller, params.id, body.action);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
