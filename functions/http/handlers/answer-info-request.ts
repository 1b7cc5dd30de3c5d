import { infoRequestAnswerSchema } from '../../domain/schemas';
import { answerInfoRequest } from '../../use-cases/info-requests';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import { etag } from '../request';

export const handler = endpoint(
  { body: infoRequestAnswerSchema, params: ['id', 'requestId'] },
  async ({ deps, caller, body, params }) => {
    const stored = await answerInfoRequest(deps, caller, params.id, params.requestId, body.message);
    return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
  },
);
