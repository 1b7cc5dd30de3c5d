import { referentialImportSchema } from '../../domain/schemas';
import { importReferential } from '../../use-cases/import-referential';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const input = parseBody(event, referentialImportSchema);
  return json(201, await importReferential(deps, caller, input));
});
