import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDateTime, formatSize } from '../ui/format';
import { CommandForm, TextAreaField } from '../ui/command-form';
import { Section } from '../ui/section';
import { uploadFile } from '../upload/upload-file';
import { ACCEPT, FILE_RULES } from '../upload/file-types';
import { PHASE_LABELS } from '../upload/evidence-upload';
import { MAX_MESSAGE_ATTACHMENTS } from '../../../functions/domain/upload-rules';
import { downloadLink } from './file-links';

type Attachment = { uploadId: string; fileName: string; size: number };

/** A file sent with a message, downloaded through its short-lived link. */
export const AttachmentLink = ({ dossierId, attachment }: { dossierId: string; attachment: Attachment }) => {
  const [error, setError] = useState<unknown>();
  return (
    <li>
      <Button
        size="small"
        priority="tertiary"
        iconId="fr-icon-attachment-line"
        onClick={() =>
          void downloadLink(dossierId, attachment.uploadId, false)
            .then(({ url }) => window.location.assign(url))
            .catch(setError)
        }
      >
        {attachment.fileName} ({formatSize(attachment.size)})
      </Button>
      <ProblemAlert error={error} />
    </li>
  );
};

/** Each chosen file sent to storage as an attachment: the ids of those received, or why one was not. */
const sendAttachments = async (dossierId: string, files: File[], onStatus: (text: string) => void) => {
  const ids: string[] = [];
  for (const [i, file] of files.entries()) {
    let outcome: { id?: string; refused?: string } = {};
    await uploadFile(dossierId, file, { purpose: 'attachment' }, (p) => {
      onStatus(`Pièce jointe ${i + 1} sur ${files.length} (${file.name}) : ${PHASE_LABELS[p.phase]}`);
      if (p.phase === 'received') outcome = { id: p.upload!.id };
      if (p.phase === 'rejected' || p.phase === 'failed') outcome = { refused: p.message ?? 'envoi impossible' };
    });
    if (!outcome.id) throw new Error(`la pièce jointe ${file.name} n’a pas pu être envoyée : ${outcome.refused ?? ''}`);
    ids.push(outcome.id);
  }
  return ids;
};

/**
 * The dossier's messages, loaded once for its page: the thread shows them and the timeline names
 * them beside their events. `sent` counts the messages sent from the page, so that the timeline
 * reads the journal again after one (and not merely because the messages arrived).
 */
export const useDossierMessages = (dossierId: string) => {
  const [sent, setSent] = useState(0);
  const load = useLoad(
    () => unwrap(api.GET('/v1/dossiers/{id}/messages', { params: { path: { id: dossierId }, query: { limit: 100 } } })),
    [dossierId],
  );
  const afterSend = async () => {
    await load.reload();
    setSent((n) => n + 1);
  };
  return { ...load, sent, afterSend };
};
export type DossierMessages = ReturnType<typeof useDossierMessages>;
export type Message = NonNullable<DossierMessages['data']>['items'][number];

/**
 * The exchange between the company and ANS on a dossier; closed with the dossier (read only then).
 * The company may attach files to its messages (each sent to storage first, checked, then named
 * by the message); ANS's own documents are notified acts, sealed.
 */
export const MessagesPanel = ({
  dossierId,
  messages,
  open = true,
  canAttach = false,
}: {
  dossierId: string;
  messages: DossierMessages;
  open?: boolean;
  canAttach?: boolean;
}) => {
  const { data, error, afterSend } = messages;
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [status, setStatus] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const command = useCommand();
  const send = async () => {
    const ok = await command.run(async () => {
      const attachments = files.length ? await sendAttachments(dossierId, files, setStatus) : [];
      await unwrap(
        api.POST('/v1/dossiers/{id}/messages', {
          params: { path: { id: dossierId } },
          body: { body, ...(attachments.length ? { attachments } : {}) },
        }),
      );
    });
    setStatus('');
    if (ok) {
      setBody('');
      setFiles([]);
      setInputKey((k) => k + 1);
      await afterSend();
    }
  };
  const tooMany = files.length > MAX_MESSAGE_ATTACHMENTS;
  return (
    <Section id="messages" title="Messages">
      <ProblemAlert error={error ?? command.error} />
      {data?.items.length === 0 && <p className="fr-text--sm">Aucun message.</p>}
      <ul className="fr-raw-list">
        {data?.items.map((m) => (
          <li key={m.id} className="fr-mb-2w">
            <p className="fr-text--sm fr-mb-0">
              <strong>{m.from.side === 'ans' ? 'ANS' : 'Entreprise'}</strong> — {formatDateTime(m.at)}
            </p>
            <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </p>
            {m.attachments && m.attachments.length > 0 && (
              <ul className="fr-raw-list" aria-label={`Pièces jointes du message du ${formatDateTime(m.at)}`}>
                {m.attachments.map((a) => (
                  <AttachmentLink key={a.uploadId} dossierId={dossierId} attachment={a} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {open ? (
        <CommandForm
          submit="Envoyer le message"
          busy={command.busy}
          ready={Boolean(body.trim()) && !tooMany}
          onSubmit={send}
        >
          <TextAreaField label="Nouveau message" name="message" value={body} onChange={setBody} required />
          {canAttach && (
            <div className={`fr-upload-group fr-mb-2w${tooMany ? ' fr-input-group--error' : ''}`}>
              <label className="fr-label" htmlFor={`${dossierId}-attachments`}>
                Pièces jointes (facultatif)
                <span className="fr-hint-text">
                  Jusqu’à {MAX_MESSAGE_ATTACHMENTS} fichiers. {FILE_RULES}
                </span>
              </label>
              <input
                key={inputKey}
                className="fr-upload"
                type="file"
                id={`${dossierId}-attachments`}
                name="attachments"
                accept={ACCEPT}
                multiple
                aria-invalid={tooMany || undefined}
                aria-describedby={tooMany ? `${dossierId}-attachments-error` : undefined}
                onChange={(e) => setFiles([...(e.target.files ?? [])])}
              />
              {tooMany && (
                <p id={`${dossierId}-attachments-error`} className="fr-error-text">
                  Au plus {MAX_MESSAGE_ATTACHMENTS} fichiers par message.
                </p>
              )}
            </div>
          )}
          {status && (
            <p className="fr-text--sm" role="status">
              {status}
            </p>
          )}
        </CommandForm>
      ) : (
        <p className="fr-text--sm">Le dossier est clos : sa messagerie aussi.</p>
      )}
    </Section>
  );
};
