import { downloadConvention } from '../../use-cases/instruction';
import { httpHandler, json } from '../http-handler';
import { callerOf, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  return json(200, await downloadConvention(deps, caller, pathParam(event, 'id')));
});
