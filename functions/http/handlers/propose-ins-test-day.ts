import { insTestProposalSchema } from '../../domain/schemas';
import { proposeInsTestDay } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const { proposedDate } = parseBody(event, insTestProposalSchema);
  const stored = await proposeInsTestDay(deps, caller, pathParam(event, 'id'), proposedDate);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
