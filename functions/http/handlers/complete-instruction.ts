import { completeInstruction } from '../../use-cases/decisions';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import { etag } from '../request';

export const handler = endpoint(
  'POST /v1/dossiers/{id}/instruction/complete',
  async ({ deps, caller, body, params }) => {
    const stored = await completeInstruction(deps, caller, params.id, body ?? {});
    return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
  },
);
