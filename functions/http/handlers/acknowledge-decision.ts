import { decisionView } from '../../domain/decision';
import { acknowledgeDecision } from '../../use-cases/decisions';
import { endpoint, json } from '../http-handler';

export const handler = endpoint('POST /v1/dossiers/{id}/decision/acknowledge', async ({ deps, caller, params }) =>
  json(200, { decision: decisionView(await acknowledgeDecision(deps, caller, params.id)) }),
);
