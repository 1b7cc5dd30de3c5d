import { registerCompany } from '../../use-cases/register-company';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/companies', async ({ deps, caller, body }) => {
  const { id } = await registerCompany(deps, caller, body);
  return json(201, { id }, { location: `/v1/companies/${id}` });
});
