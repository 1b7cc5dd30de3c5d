import { parisDate } from './calendar';

/**
 * A dossier's reference, the one people read, say on the phone and search for:
 * `CAND-<Paris year of creation>-<sequence of that year, five digits>` (`CAND-2027-00042`). The
 * id in URLs stays the dossier's UUID (unguessable); dossiers filed before references existed
 * have none and are named by their id.
 */
export const dossierReference = (year: number, sequence: number) => `CAND-${year}-${String(sequence).padStart(5, '0')}`;

export const DOSSIER_REFERENCE_PATTERN = /^CAND-\d{4}-\d{5,}$/;

/** The sequence's year: the Paris calendar year of the instant (a dossier created on 31 December at 23:30 UTC is next year's). */
export const referenceYear = (now: Date) => Number(parisDate(now).slice(0, 4));
