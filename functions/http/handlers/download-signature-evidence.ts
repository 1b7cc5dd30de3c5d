import { downloadSignatureEvidence } from '../../use-cases/instruction';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.downloadSignatureEvidence, async ({ deps, caller, params }) =>
  json(200, await downloadSignatureEvidence(deps, caller, params.id)),
);
