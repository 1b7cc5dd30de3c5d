import { sha256 } from '../domain/journal';
import { actorOf, assertCanSee, isStaff, type Caller } from '../domain/caller';
import { companyRecipients } from '../domain/company';
import { touchedByCandidate } from '../domain/dossier';
import { assertAllowed } from '../domain/dossier-commands';
import { randomUUID } from 'node:crypto';
import { attachFiles, newMessage, type Message } from '../domain/message';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { loadDossierWithUploads } from './legal-effects';

/**
 * The dossier's messaging between the company and ANS.
 * Input: dossier id, caller, the message body (or page parameters). Output: the message (or a page).
 * Steps: authorise (the company or ANS staff; 404 for another company) → load with the legal
 * effects due → store the message, its journal event (the body's hash) and the mail to the other
 * side (without the content) in one transaction.
 */

/**
 * Posts a message on a dossier's thread between the candidate and ANS, with the files the sender
 * attaches (their own uploads deposited as `attachment`, received). Journaled (its length and the
 * files' fingerprints, not its text) and announced by mail to the other side, without its content.
 * Steps: authorise → load with the uploads → the attachments' rule → store message, uploads marked,
 * journal and mail in one transaction → a candidate's message is activity: the inactivity clock restarts.
 */
export const postMessage = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  body: string,
  attachmentIds: readonly string[] = [],
) => {
  const loaded = await loadDossierWithUploads(deps, id);
  const dossier = assertCanSee(caller, loaded?.stored.dossier);
  const stored = loaded!.stored;
  assertAllowed('post_message', dossier);
  const side = isStaff(caller) ? 'ans' : 'candidate';
  const messageId = randomUUID();
  const { attachments, uploads } = attachFiles(loaded!.uploads, attachmentIds, actorOf(caller).sub, messageId);
  const message = newMessage(id, { side, ...actorOf(caller) }, body, deps.clock.now(), messageId, attachments);
  const company = await deps.companies.get(dossier.companyId);
  const to = side === 'ans' ? (company ? companyRecipients(company) : []) : [deps.ansMailbox];
  const next = side === 'candidate' ? touchedByCandidate(dossier, deps.clock.now()) : dossier;
  await commitDossier(
    deps,
    stored,
    next,
    [
      {
        type: 'message_posted',
        actor: actorOf(caller),
        data: {
          messageId: message.id,
          side,
          length: body.length,
          bodySha256: sha256(body),
          // the files by their fingerprint: what was sent stays provable
          ...(attachments.length
            ? { attachments: attachments.map((a) => ({ uploadId: a.uploadId, sha256: a.sha256 })) }
            : {}),
        },
      },
    ],
    {
      messages: [message],
      uploads,
      outbox: to.length
        ? [
            outboxMessage(
              `message:${message.id}`,
              'message_received',
              to,
              {
                ...aboutDossier(dossier),
                from: side === 'ans' ? 'l’ANS' : 'le candidat',
              },
              message.at,
              id,
            ),
          ]
        : [],
    },
  );
  return message;
};

/**
 * Lists a dossier's messages, oldest first. A candidate sees ANS's messages signed « ANS »: staff
 * account ids are ANS's internal business.
 */
export const listMessages = async (deps: Dependencies, caller: Caller, id: string, limit: number, cursor?: string) => {
  const stored = await deps.dossiers.get(id);
  assertCanSee(caller, stored?.dossier);
  const page = await deps.dossiers.messages(id, limit, cursor);
  return isStaff(caller) ? page : { ...page, items: page.items.map(asSeenByCompany) };
};

const asSeenByCompany = (m: Message): Message =>
  m.from.side === 'ans' ? { ...m, from: { side: 'ans', sub: 'ans', role: 'ans' } } : m;
