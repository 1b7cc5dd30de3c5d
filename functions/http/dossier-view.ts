import type { StoredDossier } from '../domain/ports';

/** The dossier as the API shows it (API.md `GET /v1/dossiers/{id}`). */
export const dossierView = (stored: StoredDossier) => ({
  ...stored.dossier,
  uploads: [],
  version: stored.version,
});
