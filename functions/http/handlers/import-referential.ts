import { readRows } from '../../adapters/spreadsheet/read-rows';
import { importReferential } from '../../use-cases/import-referential';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.importReferential, async ({ deps, caller, body }) =>
  json(201, await importReferential(deps, caller, body, { read: readRows })),
);
