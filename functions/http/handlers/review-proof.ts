import { reviewSchema } from '../../domain/schemas';
import { reviewProof } from '../../use-cases/instruction';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const input = parseBody(event, reviewSchema);
  return json(200, await reviewProof(deps, caller, pathParam(event, 'id'), pathParam(event, 'uploadId'), input));
});
