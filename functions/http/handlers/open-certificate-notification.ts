import { openCertificateNotification } from '../../use-cases/certificate-life';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  'POST /v1/certificates/{number}/notifications/{notificationId}/open',
  async ({ deps, caller, params }) =>
    json(200, await openCertificateNotification(deps, caller, params.number, params.notificationId)),
);
