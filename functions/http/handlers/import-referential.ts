import { readRows } from '../../adapters/spreadsheet/read-rows';
import { importReferential } from '../../use-cases/import-referential';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/referentials', async ({ deps, caller, body }) =>
  json(201, await importReferential(deps, caller, body, { read: readRows })),
);
