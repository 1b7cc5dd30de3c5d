import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';

export const handler = httpHandler(routes.health, async () => json(200, { status: 'ok' }));
