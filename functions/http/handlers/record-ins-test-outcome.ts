import { recordInsTestOutcome } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.recordInsTestOutcome, async ({ deps, caller, body, params }) => {
  const stored = await recordInsTestOutcome(deps, caller, params.id, body);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
