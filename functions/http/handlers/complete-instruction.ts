import { completeInstruction } from '../../use-cases/decisions';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.completeInstruction, async ({ deps, caller, body, params }) => {
  const stored = await completeInstruction(deps, caller, params.id, body ?? {});
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
