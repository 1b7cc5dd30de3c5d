import { createApiClient, revokeApiClient } from '../../use-cases/api-clients';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(
  [routes.createApiClient, routes.revokeApiClient],
  async ({ deps, caller, body, params, request }) => {
    if (request.route?.method === 'DELETE') {
      const { clientId } = params as { id: string; clientId: string };
      return json(200, await revokeApiClient(deps, caller, params.id, clientId));
    }
    const credentials = await createApiClient(deps, caller, params.id, body!);
    // the secret is in this answer only: no cache may keep it
    return json(201, credentials, { 'cache-control': 'no-store' });
  },
);
