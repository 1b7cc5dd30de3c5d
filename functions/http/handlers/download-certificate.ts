import { downloadCertificate } from '../../use-cases/certificates';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/certificates/{number}/pdf', async ({ deps, caller, params }) =>
  json(200, await downloadCertificate(deps, caller, params.number)),
);
