import { collegeDecisionSchema } from '../../domain/schemas';
import { collegeDecision } from '../../use-cases/decisions';
import { httpHandler, json } from '../http-handler';
import { callerOf, parseBody, pathParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const input = parseBody(event, collegeDecisionSchema);
  const { dossier } = await collegeDecision(deps, caller, pathParam(event, 'id'), input);
  return json(200, {
    id: dossier.id,
    status: dossier.status,
    ...(dossier.decision ? { decision: dossier.decision } : {}),
    ...(dossier.certificate ? { certificate: dossier.certificate } : {}),
    ...(dossier.deadlines ? { deadlines: dossier.deadlines } : {}),
  });
});
