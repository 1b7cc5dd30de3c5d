import { openApiDocument } from '../openapi';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';

const document = openApiDocument();

export const handler = httpHandler(routes.openapi, async () => json(200, document));
