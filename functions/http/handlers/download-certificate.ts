import { downloadCertificate } from '../../use-cases/certificates';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadCertificate, async ({ deps, caller, params }) =>
  json(200, await downloadCertificate(deps, caller, params.number)),
);
