import { downloadUpload } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadUpload, async ({ deps, caller, params }) =>
  json(200, await downloadUpload(deps, caller, params.id, params.uploadId)),
);
