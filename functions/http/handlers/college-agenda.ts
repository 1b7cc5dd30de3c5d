import { collegeAgenda } from '../../use-cases/certificates';
import { httpHandler, json } from '../http-handler';
import { callerOf, pageParams } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const { limit, cursor } = pageParams(event);
  return json(200, await collegeAgenda(deps, caller, limit, cursor));
});
