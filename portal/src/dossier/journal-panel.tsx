import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import { api, unwrap, type Dossier } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useLoad } from '../ui/use-load';
import { formatDateTime } from '../ui/format';
import { Section } from '../ui/section';
import { ACTOR_LABELS, JOURNAL_EVENT_LABELS, labelOf, NOTIFICATION_LABELS, PURPOSE_LABELS } from '../ui/labels';
import { AttachmentLink, type Message } from './messages-panel';
import { RECEIPT_LABELS } from './notifications-panel';

type JournalItem = Awaited<ReturnType<typeof loadJournal>>['items'][number];

const loadJournal = (dossierId: string) =>
  unwrap(api.GET('/v1/dossiers/{id}/journal', { params: { path: { id: dossierId } } }));

const excerpt = (text: string) => (text.length > 280 ? `${text.slice(0, 279)}…` : text);

/** What the timeline shows beside an event: the request, notification, message or file it names. */
const detailOf = (event: JournalItem, dossier: Dossier, messages: Message[]): ReactNode => {
  const refs = event.refs ?? {};
  const request = refs.requestId ? dossier.infoRequests.find((r) => r.id === refs.requestId) : undefined;
  if (request && event.type === 'info_request_opened')
    return <>Éléments demandés : {request.missingItems.join(' ; ')}</>;
  if (request && event.type === 'info_request_answered')
    return (
      <>
        {request.answer ? <>« {excerpt(request.answer)} »</> : null}
        {dossier.uploads
          .filter((u) => u.purpose === 'answer' && u.requestId === request.id && u.status === 'received')
          .map((u) => (
            <span key={u.id} className="fr-ml-1w">
              [{u.fileName}]
            </span>
          ))}
      </>
    );
  const notification = refs.notificationId
    ? dossier.notifications.find((n) => n.id === refs.notificationId)
    : undefined;
  if (notification)
    return (
      <>
        {NOTIFICATION_LABELS[notification.kind]}
        {notification.receipt && notification.receivedAt
          ? ` — reçue le ${formatDateTime(notification.receivedAt)} (${RECEIPT_LABELS[notification.receipt]})`
          : notification.deemedReceivedAt
            ? ` — réputée reçue le ${formatDateTime(notification.deemedReceivedAt)} sans ouverture`
            : ''}
      </>
    );
  const message = refs.messageId ? messages.find((m) => m.id === refs.messageId) : undefined;
  if (message)
    return (
      <>
        « {excerpt(message.body)} »
        {message.attachments && message.attachments.length > 0 && (
          <ul className="fr-raw-list">
            {message.attachments.map((a) => (
              <AttachmentLink key={a.uploadId} dossierId={dossier.id} attachment={a} />
            ))}
          </ul>
        )}
      </>
    );
  const upload = refs.uploadId ? dossier.uploads.find((u) => u.id === refs.uploadId) : undefined;
  if (upload)
    return (
      <>
        {upload.fileName} ({PURPOSE_LABELS[upload.purpose].toLowerCase()}
        {upload.requirementId ? ` ${upload.requirementId}` : ''})
      </>
    );
  return null;
};

/**
 * The dossier's timeline: everything the journal records, newest first, each event beside what it
 * is about (the request and its answer, the notification and its receipt, the message and its
 * files, the file); the journal's hash chain verified by the service, its hashes one click away.
 */
export const JournalPanel = ({
  dossier,
  messages = [],
  sent = 0,
}: {
  dossier: Dossier;
  messages?: Message[];
  /** messages sent from the page: each adds an event */
  sent?: number;
}) => {
  // read again when the dossier changes or a message is sent: each adds events
  const { data: journal, error } = useLoad(() => loadJournal(dossier.id), [dossier.id, dossier.version, sent]);
  return (
    <Section id="journal" title="Chronologie du dossier">
      <ProblemAlert error={error} />
      {journal && (
        <>
          <Alert
            small
            severity={journal.verified ? 'success' : 'error'}
            description={
              journal.verified
                ? 'Journal vérifié : aucun événement n’a été modifié, retiré ou inséré (chaîne d’empreintes).'
                : `Chaîne rompue à l’événement ${journal.firstBrokenSeq}.`
            }
            className="fr-mb-2w"
          />
          <ol
            className="fr-raw-list tlc-timeline"
            reversed
            aria-label="Événements du dossier, du plus récent au plus ancien"
          >
            {[...journal.items].reverse().map((e) => {
              const detail = detailOf(e, dossier, messages);
              return (
                <li key={e.seq} className="tlc-timeline__event">
                  <p className="fr-text--sm fr-mb-0">
                    {formatDateTime(e.at)} — {labelOf(ACTOR_LABELS, e.actor.role)}
                  </p>
                  <p className="fr-mb-0">
                    <strong>{labelOf(JOURNAL_EVENT_LABELS, e.type)}</strong>
                  </p>
                  {detail && <div className="fr-text--sm fr-mb-0">{detail}</div>}
                </li>
              );
            })}
          </ol>
          <Accordion label="Empreintes du journal (événement par événement)">
            <div className="fr-table fr-table--sm tlc-table-scroll">
              <table>
                <caption>Événements du dossier et leurs empreintes</caption>
                <thead>
                  <tr>
                    <th scope="col">N°</th>
                    <th scope="col">Événement</th>
                    <th scope="col">Date</th>
                    <th scope="col">Empreinte (SHA-256)</th>
                    <th scope="col">Horodatage qualifié</th>
                  </tr>
                </thead>
                <tbody>
                  {journal.items.map((e) => (
                    <tr key={e.seq}>
                      <td>{e.seq}</td>
                      <td>{labelOf(JOURNAL_EVENT_LABELS, e.type)}</td>
                      <td>{formatDateTime(e.at)}</td>
                      <td>
                        <code className="tlc-hash">{e.hash.slice(0, 16)}…</code>
                      </td>
                      <td>{e.timestamp ? 'oui' : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Accordion>
        </>
      )}
    </Section>
  );
};
