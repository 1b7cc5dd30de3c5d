import { exportMyData } from '../../use-cases/my-data';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

/** The caller's own data: a download of theirs, never cached (RGPD art. 15 and 20). */
export const handler = endpoint(routes.myData, async ({ deps, caller }) =>
  json(200, await exportMyData(deps, caller), {
    'cache-control': 'no-store',
    'content-disposition': 'attachment; filename="mes-donnees.json"',
  }),
);
