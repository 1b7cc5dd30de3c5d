import { publishedCandidatures } from '../../use-cases/public-candidatures';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

/** Candidatures under way whose company allowed publishing its planned date. No authentication. */
export const handler = httpHandler(routes.publicCandidatures, async ({ event, deps }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await publishedCandidatures(deps, limit, cursor), { 'cache-control': 'public, max-age=60' });
});
