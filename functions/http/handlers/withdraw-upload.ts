import { withdrawUpload } from '../../use-cases/evidence';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ params: ['id', 'uploadId'] }, async ({ deps, caller, params }) =>
  json(200, await withdrawUpload(deps, caller, params.id, params.uploadId)),
);
