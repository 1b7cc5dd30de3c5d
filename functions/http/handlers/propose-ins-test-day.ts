import { proposeInsTestDay } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.proposeInsTestDay, async ({ deps, caller, body, params }) => {
  const stored = await proposeInsTestDay(deps, caller, params.id, body.proposedDate);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
