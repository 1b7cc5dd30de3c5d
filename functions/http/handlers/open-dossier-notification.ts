import { openDossierNotification } from '../../use-cases/notifications';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  'POST /v1/dossiers/{id}/notifications/{notificationId}/open',
  async ({ deps, caller, params }) =>
    json(200, await openDossierNotification(deps, caller, params.id, params.notificationId)),
);
