import { verifyCertificate } from '../../use-cases/certificates';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';
import { certificateNumberParam } from '../request';

/** Public verification by certificate number (no authentication, no personal data). */
export const handler = httpHandler(routes.publicCertificate, async ({ event, deps }) =>
  json(200, await verifyCertificate(deps, certificateNumberParam(event)), { 'cache-control': 'public, max-age=60' }),
);
