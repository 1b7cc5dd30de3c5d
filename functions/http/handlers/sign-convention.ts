import { signConvention } from '../../use-cases/instruction';
import { dossierView } from '../dossier-view';
import { endpoint, json } from '../http-handler';
import { etag } from '../request';

export const handler = endpoint('POST /v1/dossiers/{id}/convention/sign', async ({ deps, caller, body, params }) => {
  const stored = await signConvention(deps, caller, params.id, body);
  return json(200, dossierView(stored, [], caller), { etag: etag(stored.version) });
});
