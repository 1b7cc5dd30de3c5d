import { sha256 } from '../domain/journal';
import { actorOf, assertCanSee, isStaff, type Caller } from '../domain/caller';
import { companyRecipients } from '../domain/company';
import { touchedByCandidate } from '../domain/dossier';
import { assertAllowed } from '../domain/dossier-commands';
import { newMessage, type Message } from '../domain/message';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { loadOwnDossier } from './legal-effects';

/**
 * The dossier's messaging between the company and ANS.
 * Input: dossier id, caller, the message body (or page parameters). Output: the message (or a page).
 * Steps: authorise (the company or ANS staff; 404 for another company) → load with the legal
 * effects due → store the message, its journal event (the body's hash) and the mail to the other
 * side (without the content) in one transaction.
 */

/**
 * Posts a message on a dossier's thread between the candidate and ANS. Journaled (its length,
 * not its text) and announced by mail to the other side, without its content.
 * Steps: authorise → load → store message with journal and mail → a candidate's message is
 * activity: the inactivity clock restarts.
 */
export const postMessage = async (deps: Dependencies, caller: Caller, id: string, body: string) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  assertAllowed('post_message', dossier);
  const side = isStaff(caller) ? 'ans' : 'candidate';
  const message = newMessage(id, { side, ...actorOf(caller) }, body, deps.clock.now());
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
        data: { messageId: message.id, side, length: body.length, bodySha256: sha256(body) },
      },
    ],
    {
      messages: [message],
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
