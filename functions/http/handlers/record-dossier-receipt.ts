import { recordDossierReceipt } from '../../use-cases/notifications';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  'POST /v1/dossiers/{id}/notifications/{notificationId}/receipt',
  async ({ deps, caller, params, body }) =>
    json(200, await recordDossierReceipt(deps, caller, params.id, params.notificationId, body)),
);
