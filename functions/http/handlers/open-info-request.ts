import { infoRequestSchema } from '../../domain/schemas';
import { openInfoRequestUseCase } from '../../use-cases/info-requests';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const { missingItems } = parseBody(event, infoRequestSchema);
  return json(201, await openInfoRequestUseCase(deps, caller, id, missingItems));
});
