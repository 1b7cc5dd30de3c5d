import { requireRole } from '../../domain/caller';
import { dossierCreateSchema } from '../../domain/schemas';
import { createDossier } from '../../use-cases/create-dossier';
import { httpHandler, json } from '../http-handler';
import { callerOf, etag, parseBody } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  requireRole(caller, ['candidate']);
  const input = parseBody(event, dossierCreateSchema);
  const stored = await createDossier(deps, caller, input);
  return json(
    201,
    { id: stored.dossier.id, status: stored.dossier.status },
    { etag: etag(stored.version), location: `/v1/dossiers/${stored.dossier.id}` },
  );
});
