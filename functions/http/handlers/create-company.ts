import { registerCompany } from '../../use-cases/register-company';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.createCompany, async ({ deps, caller, body }) => {
  const { id } = await registerCompany(deps, caller, body);
  return json(201, { id }, { location: `/v1/companies/${id}` });
});
