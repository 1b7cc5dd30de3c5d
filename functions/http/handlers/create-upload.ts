import { uploadRequestSchema } from '../../domain/schemas';
import { requestUpload } from '../../use-cases/request-upload';
import { endpoint, json } from '../http-handler';

export const handler = endpoint({ body: uploadRequestSchema, params: ['id'] }, async ({ deps, caller, body, params }) =>
  json(201, await requestUpload(deps, caller, params.id, body)),
);
