import { readJournal } from '../../use-cases/read-journal';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('GET /v1/dossiers/{id}/journal', async ({ deps, caller, params }) =>
  json(200, await readJournal(deps, caller, params.id)),
);
