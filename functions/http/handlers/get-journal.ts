import { readJournal } from '../../use-cases/read-journal';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.getJournal, async ({ deps, caller, params }) =>
  json(200, await readJournal(deps, caller, params.id)),
);
