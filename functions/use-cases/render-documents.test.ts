import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { ConflictError } from '../domain/errors';
import { pdfsig } from '../../test/support/clerk';
import { collegeDecision, completeInstruction, conventionKey } from './decisions';
import { downloadConvention } from './instruction';
import { renderDocuments } from './render-documents';

/** Documents are jobs written with the decision and rendered by the document function alone. */
describe('document jobs', () => {
  it('asks for the convention with the decision, renders it once, and the download waits for it', async () => {
    const w = await admissibleDossier();
    await completeFile(w.deps, w.candidate, w.id);
    await completeInstruction(w.deps, callers.instructor, w.id, {
      outcome: 'unfavourable',
      nonConformities: ['TLC-01'],
    });
    await collegeDecision(w.deps, callers.college, w.id, {
      decision: 'certified_with_reservations',
      reservations: ['corriger TLC-01'],
    });
    const jobs = [...w.documentJobs.messages.values()];
    // the complete file's receipt and the decision are issued as sealed PDFs too (issue 24)
    expect(jobs.map((j) => [j.kind, j.state])).toEqual([
      ['receipt', 'pending'],
      ['convention', 'pending'],
      ['decision', 'pending'],
    ]);
    expect(jobs.find((j) => j.kind === 'convention')!.key).toBe(conventionKey(w.id));
    // nothing rendered by the command itself: the download says so, with a 409 to retry
    await expect(downloadConvention(w.deps, w.candidate, w.id)).rejects.toThrow(ConflictError);

    expect(await renderDocuments(w.deps)).toEqual({ rendered: 3, failed: 0 });
    expect(await renderDocuments(w.deps)).toEqual({ rendered: 0, failed: 0 }); // done once
    const pdf = w.storage.objects.get(`evidence/${conventionKey(w.id)}`)!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.body!.subarray(0, 5).toString()).toBe('%PDF-');
    // sealed where it is made (PAdES B-T): pdfsig finds the seal valid over the whole document
    const report = pdfsig(pdf.body!);
    expect(report.valid, report.output).toBe(true);
    expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
    await expect(downloadConvention(w.deps, w.candidate, w.id)).resolves.toMatchObject({ url: expect.any(String) });
  });

  it('keeps a job whose rendering failed pending for the sweep', async () => {
    const w = await admissibleDossier();
    await completeFile(w.deps, w.candidate, w.id);
    await completeInstruction(w.deps, callers.instructor, w.id, { outcome: 'unfavourable', nonConformities: ['x'] });
    await collegeDecision(w.deps, callers.college, w.id, {
      decision: 'certified_with_reservations',
      reservations: ['y'],
    });
    const put = w.storage.put.bind(w.storage);
    w.storage.put = async () => {
      throw new Error('S3 unavailable');
    };
    expect(await renderDocuments(w.deps)).toEqual({ rendered: 0, failed: 3 });
    w.storage.put = put;
    expect(await renderDocuments(w.deps)).toEqual({ rendered: 3, failed: 0 });
  });
});
