import { completeInstructionSchema } from '../../domain/schemas';
import { completeInstruction } from '../../use-cases/decisions';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const options = event.body ? parseBody(event, completeInstructionSchema) : {};
  const stored = await completeInstruction(deps, caller, pathParam(event, 'id'), options);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
