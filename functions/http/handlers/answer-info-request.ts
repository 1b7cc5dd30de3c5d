import { infoRequestAnswerSchema } from '../../domain/schemas';
import { answerInfoRequest } from '../../use-cases/info-requests';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const requestId = pathParam(event, 'requestId');
  const { message } = parseBody(event, infoRequestAnswerSchema);
  const stored = await answerInfoRequest(deps, caller, id, requestId, message);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
