import { listApiClients } from '../../use-cases/api-clients';
import { listWebhooks, webhookDeliveries } from '../../use-cases/webhooks';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

/** The company's integration tools, read: its API clients, its webhooks, a webhook's delivery log. */
export const handler = endpoint(
  [routes.listApiClients, routes.listWebhooks, routes.webhookDeliveries],
  async ({ deps, caller, params, request }) => {
    const path = request.route!.path;
    if (path.endsWith('/api-clients')) return json(200, { items: await listApiClients(deps, caller, params.id) });
    if (path.endsWith('/webhooks')) return json(200, { items: await listWebhooks(deps, caller, params.id) });
    const { webhookId } = params as { id: string; webhookId: string };
    return json(200, await webhookDeliveries(deps, caller, params.id, webhookId));
  },
);
