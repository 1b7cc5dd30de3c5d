import type { Caller } from '../domain/caller';
import { ConflictError, NotFoundError } from '../domain/errors';
import { requirementsView } from '../domain/evidence';
import { scanBlocksStaff, uploadView } from '../domain/upload';
import type { Dependencies } from '../container';
import { journaledLink } from './evidence';
import { referentialOf } from './legal-effects';

/**
 * What a security review needs, and no more (separation of duties, issue 23): the dossier's
 * reference, product and stage, and the sensitive requirements with their evidence — no company
 * contacts, no messages, no journal, no other evidence. Input: dossier id. Output: that view.
 */
export const sensitiveEvidenceView = async (deps: Dependencies, _caller: Caller, id: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  if (!loaded) throw new NotFoundError('no such dossier');
  const { dossier } = loaded.stored;
  const referential = await referentialOf(deps, dossier);
  const sections = requirementsView(referential.catalogue, dossier, loaded.uploads, uploadView)
    .map((s) => ({ ...s, requirements: s.requirements.filter((r) => r.sensitive) }))
    .filter((s) => s.requirements.length > 0);
  return {
    id: dossier.id,
    product: dossier.product,
    status: dossier.status,
    referentialVersion: referential.version,
    sections,
  };
};

/**
 * The security reviewers' queue (issue 25: « the reviewer types a UUID »): penetration-test proofs
 * received and not yet judged, oldest first, each with its dossier's reference, product and stage —
 * what a reviewer needs to pick the next one, and no more.
 * Input: a page. Output: the waiting proofs (one indexed query, then each distinct dossier once).
 */
export const securityQueue = async (deps: Dependencies, limit: number, cursor?: string) => {
  const page = await deps.dossiers.securityReviews(limit, cursor);
  const dossiers = new Map<string, { product: { name: string; version: string }; status: string } | null>();
  for (const id of new Set(page.items.map((i) => i.dossierId))) {
    const stored = await deps.dossiers.get(id);
    dossiers.set(id, stored ? { product: stored.dossier.product, status: stored.dossier.status } : null);
  }
  return {
    ...page,
    items: page.items.flatMap((item) => {
      const dossier = dossiers.get(item.dossierId);
      return dossier ? [{ ...item, product: dossier.product, dossierStatus: dossier.status }] : [];
    }),
  };
};

/**
 * A short presigned GET for one piece of sensitive evidence (a penetration-test report): the
 * security reviewer's own route and function, the only one the sensitive bucket lets read;
 * journaled; only once the scanner found the file clean.
 */
export const downloadSensitiveEvidence = async (deps: Dependencies, caller: Caller, id: string, uploadId: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  const upload = loaded?.uploads.find((u) => u.id === uploadId && u.status === 'received' && u.store === 'sensitive');
  if (!loaded || !upload) throw new NotFoundError('no such received sensitive evidence');
  const blocked = scanBlocksStaff(upload);
  if (blocked) throw new ConflictError(blocked);
  return journaledLink(deps, caller, id, upload);
};
