import { completeMultipart, resumeMultipart } from '../../use-cases/multipart-upload';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(
  [routes.resumeMultipart, routes.completeMultipart],
  async ({ deps, caller, params, request }) => {
    const { id, uploadId } = params as { id: string; uploadId: string };
    if (request.route?.method === 'GET') return json(200, await resumeMultipart(deps, caller, id, uploadId));
    return json(200, await completeMultipart(deps, caller, id, uploadId));
  },
);
