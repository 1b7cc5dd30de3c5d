import { createWebhook, deleteWebhook } from '../../use-cases/webhooks';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(
  [routes.createWebhook, routes.deleteWebhook],
  async ({ deps, caller, body, params, request }) => {
    if (request.route?.method === 'DELETE') {
      const { webhookId } = params as { id: string; webhookId: string };
      await deleteWebhook(deps, caller, params.id, webhookId);
      return json(200, { id: webhookId, deleted: true });
    }
    const { secret, view } = await createWebhook(deps, caller, params.id, body!);
    return json(
      201,
      { ...view, secret },
      { 'cache-control': 'no-store', location: `/v1/companies/${params.id}/webhooks/${view.id}` },
    );
  },
);
