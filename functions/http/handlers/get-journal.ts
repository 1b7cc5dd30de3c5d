import { readJournal } from '../../use-cases/read-journal';
import { httpHandler, json } from '../http-handler';
import { callerOf, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) =>
  json(200, await readJournal(deps, callerOf(event), pathParam(event, 'id'))),
);
