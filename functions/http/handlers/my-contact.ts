import { correctMyContact } from '../../use-cases/my-data';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('PATCH /v1/me/contact', async ({ deps, caller, body }) =>
  json(200, await correctMyContact(deps, caller, body)),
);
