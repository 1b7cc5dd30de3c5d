import { addStaffNote } from '../../use-cases/staff-notes';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/notes', async ({ deps, caller, body, params }) =>
  json(201, await addStaffNote(deps, caller, params.id, body.body)),
);
