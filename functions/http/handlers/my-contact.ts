import { correctMyContact } from '../../use-cases/my-data';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.correctMyContact, async ({ deps, caller, body }) =>
  json(200, await correctMyContact(deps, caller, body)),
);
