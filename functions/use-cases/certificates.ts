import { withCompanyNames } from './list-queue';
import { CERTIFICATE_STATUS_LABELS, GRANTED_BY_LABELS } from '../domain/labels-fr';
import { frenchDay, parisDateTime } from '../domain/calendar';
import { isStaff, type Caller } from '../domain/caller';
import { lastSessionBefore, nextSession } from '../domain/college-sessions';
import { certificateKey, CURRENT_PUBLIC_STATUSES, publicView, type ENDED_STATUSES } from '../domain/certificate';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { DOWNLOAD_URL_TTL_SECONDS } from './evidence';
import { assertRendered } from './document-ready';

/**
 * Read use cases of certificates: public verification and list (no personal data), the company's
 * or staff's PDF download, the collège's agenda.
 * Input: a number, or page parameters. Output: public views, a presigned URL, or a page.
 * Steps: load (GetItem or one Query) → check who may see it (404 for another company) → answer.
 */

/** Public verification of a certificate: status, product, company, dates — no personal data. */
export const verifyCertificate = async (deps: Dependencies, number: string) => {
  const certificate = await deps.certificates.get(number);
  if (!certificate) throw new NotFoundError('no such certificate');
  return publicView(certificate);
};

/**
 * The published list of certified systems, newest first: those in force (valid or suspended) by
 * default, or the ones that ended in a given way (`withdrawn`, `terminated`, `expired`).
 */
export const publishedCertificates = async (
  deps: Dependencies,
  limit: number,
  cursor?: string,
  ended?: (typeof ENDED_STATUSES)[number],
) => {
  const page = await deps.certificates.listPublic(limit, cursor, ended ? [ended] : CURRENT_PUBLIC_STATUSES);
  return { ...page, items: page.items.map(publicView) };
};

const csvCell = (value: unknown) => {
  const text = value === undefined || value === null ? '' : String(value);
  // a leading =, +, - or @ would run as a formula in a spreadsheet
  const guarded = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[;"\n\r]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
};

export const toCsv = (header: string[], rows: unknown[][]) =>
  `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;

/** How long a container serves the same public CSV snapshot (the list changes a few times a week). */
export const PUBLIC_SNAPSHOT_SECONDS = 60;
let snapshot: { csv: string; builtAt: number } | undefined;

/**
 * The whole published list as CSV, from a snapshot a container rebuilds at most once a minute:
 * an unauthenticated flood costs one list read per minute, not one per request.
 */
export const publishedCertificatesCsv = async (deps: Dependencies) => {
  const now = deps.clock.now().getTime();
  if (snapshot && now - snapshot.builtAt < PUBLIC_SNAPSHOT_SECONDS * 1000) return snapshot.csv;
  const csv = await buildPublishedCsv(deps);
  snapshot = { csv, builtAt: now };
  return csv;
};

const buildPublishedCsv = async (deps: Dependencies) => {
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.certificates.listPublic(100, cursor, CURRENT_PUBLIC_STATUSES);
    for (const c of page.items.map(publicView)) {
      rows.push([
        c.number,
        CERTIFICATE_STATUS_LABELS[c.status] ?? c.status,
        c.product.name,
        c.product.version,
        c.company.name,
        parisDateTime(c.grantedAt),
        GRANTED_BY_LABELS[c.grantedBy] ?? c.grantedBy,
        c.withReservations ? 'oui' : 'non',
        c.plannedCompleteProofDate ? frenchDay(c.plannedCompleteProofDate) : '',
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(
    // in French, as anyone reads it (issue 25: « CSVs with English codes, UTC »)
    [
      'Numéro',
      'Statut',
      'Produit',
      'Version',
      'Entreprise',
      'Délivré le (heure de Paris)',
      'Délivré par',
      'Réserves',
      'Date prévisionnelle de complétude des preuves',
    ],
    rows,
  );
};

/** The certificate PDF, for the company that holds it and for ANS staff. */
export const downloadCertificate = async (deps: Dependencies, caller: Caller, number: string) => {
  const certificate = await deps.certificates.get(number);
  if (!certificate || (!isStaff(caller) && caller.ensId !== certificate.companyId))
    throw new NotFoundError('no such certificate');
  await assertRendered(deps, certificateKey(certificate.dossierId, number));
  const url = await deps.storage.presignGet(
    'evidence',
    certificateKey(certificate.dossierId, number),
    `certificat-${number}.pdf`,
    DOWNLOAD_URL_TTL_SECONDS,
  );
  return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
};

/**
 * The collège's next session (Thursdays, Paris time, not on a public holiday) and its agenda: the
 * dossiers ready, the most urgent decision deadline first, each with the last session able to
 * decide in time.
 */
export const collegeAgenda = async (deps: Dependencies, _caller: Caller, limit: number, cursor?: string) => {
  const page = await deps.dossiers.queue('college', limit, cursor);
  return {
    session: nextSession(deps.clock.now()),
    ...page,
    items: (await withCompanyNames(deps, page.items)).map((item) => {
      const due = item.deadlines.find((d) => d.kind === 'decision')?.dueAt;
      return due ? { ...item, decisionDueAt: due, lastSessionBefore: lastSessionBefore(new Date(due)) } : item;
    }),
  };
};
