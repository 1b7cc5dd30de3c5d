import { collegeDecision } from '../../use-cases/decisions';
import { decisionView } from '../../domain/decision';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';

export const handler = endpoint(routes.collegeDecision, async ({ deps, caller, body, params }) => {
  const { dossier } = await collegeDecision(deps, caller, params.id, body);
  return json(200, {
    id: dossier.id,
    status: dossier.status,
    ...(dossier.decision ? { decision: decisionView(dossier.decision) } : {}),
    ...(dossier.certificate ? { certificate: dossier.certificate } : {}),
    ...(dossier.deadlines ? { deadlines: dossier.deadlines } : {}),
  });
});
