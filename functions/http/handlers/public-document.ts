import { verifyDocument } from '../../use-cases/verify-document';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';
import { sha256Param } from '../request';

/** Whether the platform issued the document with this fingerprint. No authentication. */
export const handler = httpHandler(routes.publicDocument, async ({ event, deps }) =>
  json(200, await verifyDocument(deps, sha256Param(event)), { 'cache-control': 'public, max-age=60' }),
);
