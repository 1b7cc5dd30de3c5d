import { submitSection } from '../../use-cases/evidence';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.submitSection, async ({ deps, caller, params }) => {
  const { stored, complete } = await submitSection(deps, caller, params.id, params.sectionId);
  return json(200, { ...dossierView(stored, [], caller), complete }, { etag: etag(stored.version) });
});
