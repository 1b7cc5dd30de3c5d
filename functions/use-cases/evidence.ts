import { legalDeadline } from '../domain/calendar';
import { actorOf, assertCanSee, isStaff, type Caller } from '../domain/caller';
import { applicableSections } from '../domain/catalogue';
import { candidatureDocumentsMayChange, scanBlocksStaff, uploadView } from '../domain/upload';
import { INS_TEST_DAY_PERIOD } from '../domain/clocks';
import { touchedByCandidate, transition, withDeadlines, type Dossier } from '../domain/dossier';
import { isFileComplete, requirementsView, sectionGaps } from '../domain/evidence';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import { companyMail } from '../domain/outbox';
import type { Referential } from '../domain/ports';
import type { Upload } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { notifyWorkflow } from './notify-workflow';
import { loadDossierWithUploads } from './legal-effects';
import { withOptimisticRetry } from './optimistic-retry';
import { startDecisionClock } from '../domain/decision-clock';

const referentialOf = async (deps: Dependencies, dossier: Dossier): Promise<Referential> => {
  const referential = await deps.referentials.get(dossier.referentialVersion);
  if (!referential) throw new Error(`referential ${dossier.referentialVersion} is missing`);
  return referential;
};

/**
 * The requirements the dossier's profiles make applicable, by section, with their evidence and
 * each section's status. Input: dossier id. Output: `{ referentialVersion, sections }`.
 */
export const getRequirements = async (deps: Dependencies, caller: Caller, id: string) => {
  const loaded = await deps.dossiers.getWithUploads(id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const referential = await referentialOf(deps, dossier);
  return {
    referentialVersion: referential.version,
    sections: requirementsView(referential.catalogue, dossier, loaded!.uploads, uploadView),
  };
};

/**
 * Hands in a section's evidence (guide §5.1). When it is the last applicable section, the file
 * is complete: acknowledgement of receipt with a certain date (its journal event and hash),
 * status `instruction`, FIFO instruction queue by receipt date, the 6-month decision clock
 * (R.1470-4) and the 4-week INS test-day clock start.
 * Steps: authorise (candidate) → load with uploads → check the section (applicable, not yet
 * handed in, every requirement evidenced: else 422 naming them) → store → mail → workflow.
 */
export const submitSection = async (deps: Dependencies, caller: Caller, id: string, sectionId: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const current = assertCanSee(caller, loaded?.stored.dossier);
  const { stored, uploads } = loaded!;
  if (current.status !== 'proofs_deposit')
    throw new ConflictError(`sections are handed in during evidence deposit (the dossier is ${current.status})`);
  const referential = await referentialOf(deps, current);
  const section = applicableSections(referential.catalogue, current.profiles).find((s) => s.id === sectionId);
  if (!section) throw new NotFoundError(`no applicable section ${sectionId}`);
  if (current.sections?.[sectionId]) throw new ConflictError(`the section ${sectionId} was already handed in`);
  const gaps = sectionGaps(section.requirements, uploads);
  if (gaps.length)
    throw new BusinessRuleError(`the section ${sectionId} has requirements without received evidence`, gaps);

  const now = deps.clock.now();
  const at = now.toISOString();
  let dossier = touchedByCandidate(
    {
      ...current,
      sections: { ...current.sections, [sectionId]: { status: 'submitted', submittedAt: at, submittedBy: caller.sub } },
    },
    deps.clock.now(),
  );
  const events = [
    {
      type: 'section_submitted',
      actor: actorOf(caller),
      data: { sectionId, requirements: section.requirements.map((r) => r.id) },
    },
  ];
  const complete = isFileComplete(referential.catalogue, dossier);
  if (!complete) {
    const saved = await commitDossier(deps, stored, dossier, events);
    return { stored: saved, complete };
  }

  const decisionClock = startDecisionClock(now, deps.calendar);
  const { decisionDueAt } = decisionClock;
  const insTestDueAt = legalDeadline(now, INS_TEST_DAY_PERIOD, deps.calendar).toISOString();
  dossier = { ...transition(dossier, 'instruction', deps.clock.now()), ...decisionClock, insTestDueAt };
  const company = await deps.companies.get(dossier.companyId);
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [
      ...events,
      {
        type: 'complete_file_acknowledged',
        actor: actorOf(caller),
        data: { receivedAt: at, decisionDueAt, insTestDueAt, legalBasis: 'R.1470-4' },
      },
    ],
    {
      withJournal: (journal, d) => {
        const receipt = journal[journal.length - 1]!;
        return withDeadlines({ ...d, receipt: { at, seq: receipt.seq, hash: receipt.hash } }, deps.calendar);
      },
      outboxFor: (journal) => {
        const receipt = journal[journal.length - 1]!;
        return companyMail(company, dossier, `dossier:${id}:complete`, 'complete_file_receipt', at, {
          at,
          dueAt: decisionDueAt,
          insTestDueAt,
          seq: receipt.seq,
          hash: receipt.hash,
        });
      },
    },
  );
  await notifyWorkflow(deps, id, 'complete_file');
  return { stored: saved, complete };
};

/**
 * The candidate replaces a file: the upload is withdrawn and its object deleted, as long as its
 * section (or, for candidature documents, the draft) is still open.
 */
export const withdrawUpload = async (deps: Dependencies, caller: Caller, id: string, uploadId: string) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const upload = loaded!.uploads.find((u) => u.id === uploadId);
  if (!upload || upload.status === 'withdrawn') throw new NotFoundError('no such upload');
  if (upload.purpose === 'proof') {
    const referential = await referentialOf(deps, dossier);
    const section = referential.catalogue.requirements.find((r) => r.id === upload.requirementId)?.section;
    if (dossier.status !== 'proofs_deposit' || (section && dossier.sections?.[section])) {
      throw new ConflictError('this evidence was handed in with its section and can no longer be withdrawn');
    }
  } else if (!candidatureDocumentsMayChange(dossier)) {
    throw new ConflictError(
      'candidature documents can be withdrawn only while the candidature is a draft or an information request asks for them',
    );
  }
  const withdrawn: Upload = { ...upload, status: 'withdrawn', withdrawnAt: deps.clock.now().toISOString() };
  await commitDossier(
    deps,
    loaded!.stored,
    touchedByCandidate(dossier, deps.clock.now()),
    [{ type: 'upload_withdrawn', actor: actorOf(caller), data: { uploadId, purpose: upload.purpose } }],
    { uploads: [withdrawn] },
  );
  await deps.storage.remove(upload.store, upload.key);
  return uploadView(withdrawn);
};

export const DOWNLOAD_URL_TTL_SECONDS = 300;

/**
 * A short presigned GET for one file, journaled. Sensitive evidence (penetration tests) only
 * for security reviewers; other files for ANS staff and the company itself.
 */
export const downloadUpload = async (deps: Dependencies, caller: Caller, id: string, uploadId: string) => {
  // the download is journaled: a concurrent change to the dossier only means journal again
  return withOptimisticRetry(async () => {
    const loaded = await deps.dossiers.getWithUploads(id);
    // one query, then the same 404 for a missing dossier and for another company's
    assertCanSee(caller, loaded?.stored.dossier);
    const upload = loaded!.uploads.find((u) => u.id === uploadId && u.status === 'received');
    if (!upload) throw new NotFoundError('no such received file');
    if (upload.store === 'sensitive' && !caller.roles.includes('security_reviewer')) {
      if (!isStaff(caller)) throw new NotFoundError('no such received file');
      throw new ForbiddenError('penetration-test evidence is readable by security reviewers only');
    }
    // staff open a file only once the scanner found it clean (the company may fetch its own file)
    const blocked = isStaff(caller) ? scanBlocksStaff(upload) : null;
    if (blocked) throw new ConflictError(blocked);
    await commitDossier(deps, loaded!.stored, loaded!.stored.dossier, [
      {
        type: 'evidence_downloaded',
        actor: actorOf(caller),
        data: { uploadId, sensitive: upload.store === 'sensitive' },
      },
    ]);
    const url = await deps.storage.presignGet(upload.store, upload.key, upload.fileName, DOWNLOAD_URL_TTL_SECONDS);
    return { url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_TTL_SECONDS * 1000).toISOString() };
  });
};
