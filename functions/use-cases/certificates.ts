import { isStaff, type Caller } from '../domain/caller';
import { certificateKey, publicView } from '../domain/certificate';
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

/** The published list of certified systems, newest first. */
export const publishedCertificates = async (deps: Dependencies, limit: number, cursor?: string) => {
  const page = await deps.certificates.listPublic(limit, cursor);
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
    const page = await deps.certificates.listPublic(100, cursor);
    for (const c of page.items.map(publicView)) {
      rows.push([
        c.number,
        c.status,
        c.product.name,
        c.product.version,
        c.company.name,
        c.grantedAt,
        c.grantedBy,
        c.withReservations ? 'oui' : 'non',
        c.plannedCompleteProofDate ?? '',
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  return toCsv(
    [
      'numero',
      'statut',
      'produit',
      'version',
      'societe',
      'delivre_le',
      'delivre_par',
      'reserves',
      'date_previsionnelle_publiee',
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

/** The next weekly session of the collège and its agenda (dossiers ready, FIFO). */
export const collegeAgenda = async (deps: Dependencies, caller: Caller, limit: number, cursor?: string) => {
  const now = deps.clock.now();
  const session = new Date(now);
  // sessions are held on Thursdays
  session.setUTCDate(now.getUTCDate() + ((4 - now.getUTCDay() + 7) % 7));
  const page = await deps.dossiers.queue('college', limit, cursor);
  return { session: session.toISOString().slice(0, 10), ...page };
};
