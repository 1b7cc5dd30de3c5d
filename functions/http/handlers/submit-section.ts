import { submitSection } from '../../use-cases/evidence';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const { stored, complete } = await submitSection(deps, caller, pathParam(event, 'id'), pathParam(event, 'sectionId'));
  return json(200, { ...dossierView(stored, [], caller), complete }, { etag: etag(stored.version) });
});
