import { openDossierNotification } from '../../use-cases/notifications';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.openDossierNotification, async ({ deps, caller, params }) =>
  json(200, await openDossierNotification(deps, caller, params.id, params.notificationId)),
);
