import { createWebhook, deleteWebhook } from '../../use-cases/webhooks';
import { endpoint, json } from '../http-handler';

export const handler = endpoint(
  ['POST /v1/companies/{id}/webhooks', 'DELETE /v1/companies/{id}/webhooks/{webhookId}'],
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
