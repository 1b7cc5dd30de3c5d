import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { BusinessRuleError, NotFoundError } from '../domain/errors';
import { infoRequestDeadline } from '../domain/clocks';
import { openInfoRequestUseCase } from './info-requests';
import { loadDossier } from './legal-effects';
import { recordMailFeedback } from './mail-feedback';
import { openDossierNotification, recordDossierReceipt } from './notifications';

const DAY = 86_400_000;

/** Notifications with a certain date of receipt (R.1470-4 al. 2, API.md [1.2]), over in-memory ports. */
describe('notifications of a dossier', () => {
  it('counts an information request’s 60 days from its opening, the first opening only', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 11);
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    const issued = (await w.deps.dossiers.get(w.id))!.dossier;
    const n = issued.notifications!.find((x) => x.subjectId === requestId)!;
    expect(n).toMatchObject({ kind: 'info_request', receipt: null });
    // until the receipt is known, the request shows the latest it can end: 60 days from the deemed receipt
    expect(issued.infoRequests![0]!.dueAt).toBe(infoRequestDeadline(new Date(n.deemedReceivedAt!)).toISOString());
    w.clock.advance(3 * DAY);
    const opened = await openDossierNotification(w.deps, w.candidate, w.id, n.id);
    expect(opened).toMatchObject({ receipt: 'opened', receivedAt: w.clock.now().toISOString() });
    expect(opened.receiptHash).toMatch(/^[0-9a-f]{64}$/);
    const after = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(after.infoRequests![0]!.dueAt).toBe(infoRequestDeadline(w.clock.now()).toISOString());
    expect(after.deadlines.find((d) => d.kind === 'info_request')!.dueAt).toBe(after.infoRequests![0]!.dueAt);
    // a second opening changes nothing
    w.clock.advance(DAY);
    expect(await openDossierNotification(w.deps, w.candidate, w.id, n.id)).toEqual(opened);
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.filter((e) => e.type === 'notification_received')).toHaveLength(1);
  });

  it('deems a notification received RECEIPT_DEEMED_AFTER after its issue, dated then, however late it is read', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 12);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    const n = (await w.deps.dossiers.get(w.id))!.dossier.notifications![0]!;
    w.clock.advance(15 * DAY - 1);
    expect((await loadDossier(w.deps, w.id))!.dossier.notifications![0]!.receipt).toBeNull();
    w.clock.advance(10 * DAY);
    const later = (await loadDossier(w.deps, w.id))!.dossier.notifications![0]!;
    expect(later).toMatchObject({ receipt: 'deemed', receivedAt: n.deemedReceivedAt });
    expect(Date.parse(n.deemedReceivedAt!) - Date.parse(n.issuedAt)).toBe(15 * DAY);
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.at(-1)).toMatchObject({
      type: 'notification_deemed_received',
      data: { receivedAt: n.deemedReceivedAt },
    });
    // opening it afterwards does not move the receipt
    expect((await openDossierNotification(w.deps, w.candidate, w.id, n.id)).receivedAt).toBe(n.deemedReceivedAt);
  });

  it('never deems received what reached nobody: the request cannot lapse until ANS records a receipt', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 13);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    const company = (await w.deps.companies.get((await w.deps.dossiers.get(w.id))!.dossier.companyId))!;
    await recordMailFeedback(w.deps, {
      kind: 'bounce',
      recipients: [company.contact.email, company.legalRepresentative.email],
      dossierId: w.id,
      at: w.clock.now().toISOString(),
    });
    const n = (await w.deps.dossiers.get(w.id))!.dossier.notifications![0]!;
    expect(n.deemedReceivedAt).toBeNull();
    w.clock.advance(120 * DAY);
    const still = (await loadDossier(w.deps, w.id))!.dossier;
    expect(still.status).toBe('instruction');
    expect(still.deadlines.map((d) => d.kind)).not.toContain('info_request');
    // ANS reached the company by registered letter: the 60 days run from that receipt
    const at = new Date(w.clock.now().getTime() - 2 * DAY).toISOString();
    await expect(
      recordDossierReceipt(w.deps, callers.instructor, w.id, n.id, {
        receivedAt: '2020-01-01T00:00:00Z',
        means: 'LRAR',
      }),
    ).rejects.toThrow(BusinessRuleError);
    const recorded = await recordDossierReceipt(w.deps, callers.instructor, w.id, n.id, {
      receivedAt: at,
      means: 'LRAR',
    });
    expect(recorded).toMatchObject({ receipt: 'recorded', receivedAt: at, recordedMeans: 'LRAR' });
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(dossier.deadlines.find((d) => d.kind === 'info_request')!.dueAt).toBe(
      infoRequestDeadline(new Date(at)).toISOString(),
    );
  });

  it('keeps another company’s notifications out of reach', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 14);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    const stranger = { ...w.candidate, ensId: 'another-company' };
    await expect(openDossierNotification(w.deps, stranger, w.id, 'n1')).rejects.toThrow(NotFoundError);
    await expect(openDossierNotification(w.deps, w.candidate, w.id, 'n99')).rejects.toThrow(NotFoundError);
  });
});
