import { downloadSensitiveEvidence } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadSensitiveUpload, async ({ deps, caller, params }) =>
  json(200, await downloadSensitiveEvidence(deps, caller, params.id, params.uploadId)),
);
