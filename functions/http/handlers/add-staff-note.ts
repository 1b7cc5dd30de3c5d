import { addStaffNote } from '../../use-cases/staff-notes';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.addStaffNote, async ({ deps, caller, body, params }) =>
  json(201, await addStaffNote(deps, caller, params.id, body.body)),
);
