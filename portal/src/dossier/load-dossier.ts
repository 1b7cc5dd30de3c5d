import { api, unwrap } from '../api/client';

/**
 * A dossier and, once it was found admissible (from then on its requirements apply), the
 * requirements by section with their evidence: what every dossier page of every role shows.
 */
export const loadDossier = async (id: string) => {
  const dossier = await unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id } } }));
  const requirements = dossier.admissibleAt
    ? await unwrap(api.GET('/v1/dossiers/{id}/requirements', { params: { path: { id } } }))
    : undefined;
  return { dossier, requirements };
};
