import { downloadCertificate } from '../../use-cases/certificates';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ params: ['number'] }, async ({ deps, caller, params }) =>
  json(200, await downloadCertificate(deps, caller, params.number)),
);
