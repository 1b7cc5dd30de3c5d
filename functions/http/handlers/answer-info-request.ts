import { answerInfoRequest } from '../../use-cases/info-requests';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

export const handler = endpoint(routes.answerInfoRequest, async ({ deps, caller, body, params }) => {
  const stored = await answerInfoRequest(deps, caller, params.id, params.requestId, body.message, body.uploadIds);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
