import { httpHandler, json } from '../http-handler';

/** The certificates anyone needs to check the platform's seals and timestamps. No authentication. */
export const handler = httpHandler(async ({ deps }) =>
  json(200, await deps.trust.publicMaterial(), { 'cache-control': 'public, max-age=3600' }),
);
