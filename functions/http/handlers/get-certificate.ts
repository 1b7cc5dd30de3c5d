import { NotFoundError } from '../../domain/errors';
import { isStaff } from '../../domain/caller';
import { companyCertificateView } from '../certificate-view';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { withRenewalApplication } from '../../use-cases/certificate-life';

/** A certificate and its life, for ANS staff and the company that holds it (read-only). */
export const handler = endpoint(routes.getCertificate, async ({ deps, caller, params }) => {
  const c = await deps.certificates.get(params.number);
  if (!c || (!isStaff(caller) && caller.ensId !== c.companyId)) throw new NotFoundError('no such certificate');
  return json(200, companyCertificateView(await withRenewalApplication(deps, c), deps.clock.now()));
});
