import { withdrawUpload } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.withdrawUpload, async ({ deps, caller, params }) =>
  json(200, await withdrawUpload(deps, caller, params.id, params.uploadId)),
);
