import { openCertificateNotification } from '../../use-cases/certificate-life';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.openCertificateNotification, async ({ deps, caller, params }) =>
  json(200, await openCertificateNotification(deps, caller, params.number, params.notificationId)),
);
