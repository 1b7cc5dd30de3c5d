import { closeUnsignedDossier } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.abandonDossier, async ({ deps, caller, params, body }) => {
  const stored = await closeUnsignedDossier(deps, caller, params.id, body.reasons);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
