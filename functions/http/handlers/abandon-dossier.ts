import { closeUnsignedDossier } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import { etag } from '../request';

export const handler = endpoint('POST /v1/dossiers/{id}/abandon', async ({ deps, caller, params, body }) => {
  const stored = await closeUnsignedDossier(deps, caller, params.id, body.reasons);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
