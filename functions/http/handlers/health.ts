import { httpHandler, json } from '../http-handler';

export const handler = httpHandler(async () => json(200, { status: 'ok' }));
