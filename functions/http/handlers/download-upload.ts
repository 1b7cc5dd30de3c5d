import { downloadUpload } from '../../use-cases/evidence';
import { httpHandler, json } from '../http-handler';
import { callerOf, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  return json(200, await downloadUpload(deps, caller, pathParam(event, 'id'), pathParam(event, 'uploadId')));
});
