import { createDossier } from '../../use-cases/create-dossier';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.createDossier, async ({ deps, caller, body }) => {
  const stored = await createDossier(deps, caller, body);
  return json(
    201,
    { id: stored.dossier.id, status: stored.dossier.status },
    { etag: etag(stored.version), location: `/v1/dossiers/${stored.dossier.id}` },
  );
});
