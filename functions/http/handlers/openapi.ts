import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';
// generated from the routes and their schemas by `npm run portal:api` (openapi.test.ts fails when it
// is out of date): built at each cold start instead, it was this function's whole start-up cost
import document from '../openapi.json' with { type: 'json' };

export const handler = httpHandler(routes.openapi, async () => json(200, document));
