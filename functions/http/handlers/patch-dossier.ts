import { requireRole } from '../../domain/caller';
import { dossierPatchSchema } from '../../domain/schemas';
import { updateDossier } from '../../use-cases/update-dossier';
import { dossierView } from '../dossier-view';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, ifMatchVersion, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  requireRole(caller, ['candidate']);
  const id = pathParam(event, 'id');
  const version = ifMatchVersion(event);
  const patch = parseBody(event, dossierPatchSchema);
  const stored = await updateDossier(deps, caller, id, version, patch);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
