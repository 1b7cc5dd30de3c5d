import { getDossier } from '../../use-cases/get-dossier';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import { etag } from '../request';

export const handler = endpoint('GET /v1/dossiers/{id}', async ({ deps, caller, params }) => {
  const { stored, uploads } = await getDossier(deps, caller, params.id);
  return json(200, dossierView(stored, uploads, caller), { etag: etag(stored.version) });
});
