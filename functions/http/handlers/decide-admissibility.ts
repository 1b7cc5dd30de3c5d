import { admissibilitySchema } from '../../domain/schemas';
import { decideAdmissibility } from '../../use-cases/decide-admissibility';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const input = parseBody(event, admissibilitySchema);
  return json(200, await decideAdmissibility(deps, caller, id, input));
});
