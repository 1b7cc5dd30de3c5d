import { decisionView } from '../../domain/decision';
import { acknowledgeDecision } from '../../use-cases/decisions';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.acknowledgeDecision, async ({ deps, caller, params }) =>
  json(200, { decision: decisionView(await acknowledgeDecision(deps, caller, params.id)) }),
);
