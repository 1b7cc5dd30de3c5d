import { sensitiveEvidenceView } from '../../use-cases/sensitive-evidence';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.sensitiveEvidenceView, async ({ deps, caller, params }) =>
  json(200, await sensitiveEvidenceView(deps, caller, params.id)),
);
