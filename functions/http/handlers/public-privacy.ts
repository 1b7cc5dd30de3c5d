import { privacyNotice } from '../../domain/retention';
import { httpHandler, json } from '../http-handler';
import * as routes from '../routes';

/** The privacy notice's facts (RGPD art. 13): the controller, the purposes, each retention. No authentication. */
export const handler = httpHandler(routes.publicPrivacy, async () =>
  json(200, privacyNotice(), { 'cache-control': 'public, max-age=3600' }),
);
