import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, depositFile } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError, NotFoundError } from '../domain/errors';
import { withdrawUpload } from './evidence';
import { requestUpload } from './request-upload';
import { listMessages, postMessage } from './messages';
import { withdrawDossier } from './instruction';

describe('the dossier thread', () => {
  it('carries messages both ways, mails the other side without the text, and counts as candidate activity', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 71);
    w.clock.advance(3_600_000);
    await postMessage(w.deps, w.candidate, w.id, 'Question confidentielle');
    await postMessage(w.deps, callers.instructor, w.id, 'Réponse');
    const page = await listMessages(w.deps, w.candidate, w.id, 10);
    expect(page.items.map((m) => [m.from.side, m.body])).toEqual([
      ['candidate', 'Question confidentielle'],
      ['ans', 'Réponse'],
    ]);
    const mails = [...w.outbox.messages.values()].filter((m) => m.template === 'message_received');
    expect(mails.map((m) => m.to)).toEqual([
      ['instruction@ans.test'],
      expect.not.arrayContaining(['instruction@ans.test']),
    ]);
    for (const m of mails) expect(m.text).not.toContain('confidentielle');
    expect((await w.deps.dossiers.get(w.id))!.dossier.lastCandidateActivityAt).toBe('2026-03-02T10:00:00.000Z');
  });

  it('hides another company’s thread and closes the thread of a closed dossier', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 72);
    await expect(listMessages(w.deps, callers.candidate('other'), w.id, 10)).rejects.toThrow(NotFoundError);
    await expect(postMessage(w.deps, callers.candidate('other'), w.id, 'x')).rejects.toThrow(NotFoundError);
    await withdrawDossier(w.deps, w.candidate, w.id);
    await expect(postMessage(w.deps, w.candidate, w.id, 'encore')).rejects.toThrow(ConflictError);
  });

  it('sends the sender’s received attachments with a message, once, and keeps them with it', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 73);
    const first = await depositFile(w.deps, w.candidate, w.id, { purpose: 'attachment', text: 'plan' });
    const second = await depositFile(w.deps, w.candidate, w.id, { purpose: 'attachment', text: 'annexe' });
    const message = await postMessage(w.deps, w.candidate, w.id, 'Voici le plan', [first.uploadId, second.uploadId]);
    expect(message.attachments!.map((a) => [a.uploadId, a.fileName, a.contentType])).toEqual([
      [first.uploadId, 'document.pdf', 'application/pdf'],
      [second.uploadId, 'document.pdf', 'application/pdf'],
    ]);
    // the thread shows them to ANS; the journal keeps their fingerprints, not the text
    const page = await listMessages(w.deps, callers.instructor, w.id, 10);
    expect(page.items[0]!.attachments!.map((a) => a.uploadId)).toEqual([first.uploadId, second.uploadId]);
    const event = (await w.deps.dossiers.journal(w.id)).find((e) => e.type === 'message_posted')!;
    expect((event.data as { attachments: { uploadId: string }[] }).attachments.map((a) => a.uploadId)).toEqual([
      first.uploadId,
      second.uploadId,
    ]);
    // sent once; staying with its message
    const again = postMessage(w.deps, w.candidate, w.id, 'encore', [first.uploadId]);
    await expect(again).rejects.toThrow(BusinessRuleError);
    await expect(again).rejects.toMatchObject({
      errors: [{ path: 'attachments.0', message: 'this file was already sent with another message' }],
    });
    await expect(withdrawUpload(w.deps, w.candidate, w.id, first.uploadId)).rejects.toThrow(ConflictError);
    // only the sender's own attachments: not another file of the dossier, not an unknown id, not twice
    const third = await depositFile(w.deps, w.candidate, w.id, { purpose: 'attachment', text: 'trois' });
    await expect(postMessage(w.deps, callers.instructor, w.id, 'de l’ANS', [third.uploadId])).rejects.toMatchObject({
      errors: [{ path: 'attachments.0', message: 'no file of yours deposited as an attachment has this id' }],
    });
    // a file whose bytes have not arrived (or were refused) is not sent
    const pending = await requestUpload(w.deps, w.candidate, w.id, {
      purpose: 'attachment',
      fileName: 'annexe.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'x'.repeat(43) + '=',
    });
    await expect(
      postMessage(w.deps, w.candidate, w.id, 'x', [third.uploadId, third.uploadId, 'inconnu', pending.uploadId]),
    ).rejects.toMatchObject({
      errors: [
        { path: 'attachments.1', message: 'this file is named twice' },
        { path: 'attachments.2', message: 'no file of yours deposited as an attachment has this id' },
        {
          path: 'attachments.3',
          message: 'this file has not been received yet (or was refused): wait for its check',
        },
      ],
    });
    // nothing was stored by the refusals
    expect((await listMessages(w.deps, w.candidate, w.id, 10)).items).toHaveLength(1);
    expect((await w.deps.dossiers.getUpload(w.id, third.uploadId))!.messageId).toBeUndefined();
    const later = await postMessage(w.deps, w.candidate, w.id, 'ok', [third.uploadId]);
    expect((await w.deps.dossiers.getUpload(w.id, third.uploadId))!.messageId).toBe(later.id);
  });
});
