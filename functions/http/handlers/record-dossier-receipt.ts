import { recordDossierReceipt } from '../../use-cases/notifications';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.recordDossierReceipt, async ({ deps, caller, params, body }) =>
  json(200, await recordDossierReceipt(deps, caller, params.id, params.notificationId, body)),
);
