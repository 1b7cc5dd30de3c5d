import { createHash } from 'node:crypto';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import type { DocumentJob } from '../domain/document-job';
import { certificatePdf, conventionPdf, decisionPdf, receiptPdf, signatureEvidencePdf } from '../documents/pdf';
import { metrics } from '../observability';
import { drainWorkQueue } from './drain-work-queue';

/**
 * Renders the documents commands asked for (convention, certificate), seals them and stores them
 * beside the dossier. The only place pdf-lib runs.
 * Input: jobs (from the stream) or none (sweep the pending ones). Output: counts.
 * Steps: claim the job (one renderer per job) → read the records it names → render → seal → store →
 * done; a failure (the timestamp authority down) releases it for the next sweep. Idempotent: the
 * same job renders the same content (the seal's token and signature differ on each attempt).
 */
export const renderDocuments = async (deps: Dependencies, jobs?: DocumentJob[]) => {
  const { done: rendered, failed } = await drainWorkQueue(
    deps.documentJobs,
    deps.clock,
    async (job) => {
      // sealed where it is made: no unsealed copy is ever stored (PAdES B-T, ports.ts TrustServices)
      const sealed = Buffer.from(await deps.trust.sealPdf(await render(deps, job), new Date(job.at)));
      // known by its hash before anyone can download it: every copy in circulation can be checked
      await deps.issuedDocuments.record({
        sha256: createHash('sha256').update(sealed).digest('hex'),
        kind: job.kind,
        dossierId: job.dossierId,
        ...(job.certificateNumber ? { certificateNumber: job.certificateNumber } : {}),
        issuedAt: job.at,
      });
      await deps.storage.put('evidence', job.key, sealed, 'application/pdf');
    },
    jobs,
  );
  if (rendered) metrics.addMetric('DocumentsRendered', MetricUnit.Count, rendered);
  if (failed) metrics.addMetric('DocumentsFailed', MetricUnit.Count, failed);
  if (rendered || failed) metrics.publishStoredMetrics();
  return { rendered, failed };
};

const render = async (deps: Dependencies, job: DocumentJob): Promise<Buffer> => {
  if (job.kind === 'certificate') {
    const certificate = await deps.certificates.get(job.certificateNumber ?? '');
    if (!certificate) throw new Error(`certificate ${job.certificateNumber} is missing`);
    return certificatePdf(certificate);
  }
  const stored = await deps.dossiers.get(job.dossierId);
  if (!stored) throw new Error(`dossier ${job.dossierId} is missing`);
  const company = await deps.companies.get(stored.dossier.companyId);
  if (job.kind === 'receipt') {
    const receipt = (await deps.dossiers.journal(job.dossierId)).findLast(
      (e) => e.type === 'complete_file_acknowledged' && e.at === job.at,
    );
    if (!receipt) throw new Error(`dossier ${job.dossierId}: no receipt at ${job.at}`);
    return receiptPdf(stored.dossier, company, receipt);
  }
  if (job.kind === 'decision') {
    if (stored.dossier.decision?.decidedAt !== job.at)
      throw new Error(`dossier ${job.dossierId}: no decision at ${job.at}`);
    return decisionPdf(stored.dossier, company);
  }
  if (job.kind === 'signature-evidence') {
    const signed = (await deps.dossiers.journal(job.dossierId)).findLast(
      (e) => e.type === 'convention_signed' && e.at === job.at,
    );
    if (!signed) throw new Error(`dossier ${job.dossierId}: no signature at ${job.at}`);
    return signatureEvidencePdf(stored.dossier, company, signed);
  }
  return conventionPdf(stored.dossier, company, job.at);
};
