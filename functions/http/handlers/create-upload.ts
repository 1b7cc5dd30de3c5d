import { requestUpload } from '../../use-cases/request-upload';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.createUpload, async ({ deps, caller, body, params }) =>
  json(201, await requestUpload(deps, caller, params.id, body)),
);
