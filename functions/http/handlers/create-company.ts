import { companyInputSchema } from '../../domain/schemas';
import { registerCompany } from '../../use-cases/register-company';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const input = parseBody(event, companyInputSchema);
  const { id } = await registerCompany(deps, caller, input);
  return json(201, { id }, { location: `/v1/companies/${id}` });
});
