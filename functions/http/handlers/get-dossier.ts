import { getDossier } from '../../use-cases/get-dossier';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.getDossier, async ({ deps, caller, params }) => {
  const { stored, uploads, companyName } = await getDossier(deps, caller, params.id);
  const view = dossierView(stored, uploads, caller);
  return json(200, companyName !== undefined ? { ...view, companyName } : view, { etag: etag(stored.version) });
});
