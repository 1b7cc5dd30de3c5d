import { conventionSignSchema } from '../../domain/schemas';
import { signConvention } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const input = parseBody(event, conventionSignSchema);
  const stored = await signConvention(deps, caller, pathParam(event, 'id'), input);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
