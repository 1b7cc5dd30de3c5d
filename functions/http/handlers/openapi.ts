import { openApiDocument } from '../openapi';
import { httpHandler, json } from '../http-handler';

const document = openApiDocument();

export const handler = httpHandler(async () => json(200, document));
