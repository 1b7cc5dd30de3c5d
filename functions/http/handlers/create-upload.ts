import { uploadRequestSchema } from '../../domain/schemas';
import { requestUpload } from '../../use-cases/request-upload';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const id = pathParam(event, 'id');
  const request = parseBody(event, uploadRequestSchema);
  return json(201, await requestUpload(deps, caller, id, request));
});
