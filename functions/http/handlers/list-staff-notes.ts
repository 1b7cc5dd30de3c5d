import { listStaffNotes } from '../../use-cases/staff-notes';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams } from '../request';

export const handler = endpoint(routes.listStaffNotes, async ({ event, deps, params }) => {
  const { limit, cursor } = pageParams(event);
  return json(200, await listStaffNotes(deps, params.id, limit, cursor));
});
