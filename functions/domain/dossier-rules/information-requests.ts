import { actorOf, type Caller } from '../caller';
import type { CalendarPolicy } from '../calendar';
import { infoRequestDeadline } from '../clocks';
import { pauseDecisionClock, resumeDecisionClock } from '../decision-clock';
import { assertAllowed } from '../dossier-commands';
import { mailToAns, mailToCompany, type RuleChange, type EventDraft } from '../rule-change';
import { isClosed, openInfoRequest, touchedByCandidate, withDeadlines } from '../dossier';
import type { Dossier, InfoRequest } from '../dossier-model';
import { BusinessRuleError, ConflictError, NotFoundError } from '../errors';
import { sha256 } from '../journal';
import type { Upload } from '../upload';
import { notify } from './notifications';
import { notificationOf, received } from '../notifications';

const STAGE_OF: Partial<Record<Dossier['status'], InfoRequest['stage']>> = {
  admissibility_review: 'admissibility',
  instruction: 'instruction',
};

/**
 * ANS asks for missing items (R.1470-2): 60 days to answer, else the candidature is deemed
 * abandoned; while the candidate owes them during instruction, the decision clock stands still
 * (R.1470-4). Shared by the admissibility verdict "incomplete" (its piece verdicts come along).
 */
export const requestInformation = (
  dossier: Dossier,
  input: { requestId: string; missingItems: string[]; fields?: string[]; before?: EventDraft[]; uploads?: Upload[] },
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
): RuleChange & { request: InfoRequest } => {
  assertAllowed('open_info_request', dossier);
  const stage = STAGE_OF[dossier.status]!;
  if (openInfoRequest(dossier)) throw new ConflictError('an information request is already open on this dossier');
  // the request is notified (R.1470-2): its 60 days run from its receipt; until the receipt is
  // known, `dueAt` is the latest it can be (from the deemed receipt)
  const notified = notify(dossier, 'info_request', now, policy, input.requestId);
  const latest = notified.notification.deemedReceivedAt;
  const request: InfoRequest = {
    id: input.requestId,
    stage,
    missingItems: input.missingItems,
    openedAt: now.toISOString(),
    openedBy: caller.sub,
    dueAt: infoRequestDeadline(latest ? new Date(latest) : now, policy).toISOString(),
    status: 'open',
    notificationId: notified.notification.id,
    ...(input.fields?.length && stage === 'admissibility' ? { fields: input.fields } : {}),
  };
  const withRequest = {
    ...notified.dossier,
    updatedAt: now.toISOString(),
    infoRequests: [...(dossier.infoRequests ?? []), request],
  };
  return {
    request,
    dossier: withDeadlines(
      stage === 'instruction' ? pauseDecisionClock(withRequest, now, 'info_request') : withRequest,
      policy,
    ),
    events: [
      ...(input.before ?? []),
      {
        type: 'info_request_opened',
        actor: actorOf(caller),
        data: { requestId: request.id, missingItems: input.missingItems, dueAt: request.dueAt, legalBasis: 'R.1470-2' },
      },
      notified.event,
    ],
    mails: [
      mailToCompany(`info-request:${request.id}`, 'info_request_opened', {
        dueAt: request.dueAt,
        items: input.missingItems.join('\n'),
      }),
    ],
    uploads: input.uploads ?? [],
    wake: 'info_request_opened',
  };
};

/**
 * The candidate answers an open request in time: its 60-day clock stops, the decision clock
 * resumes with the time it had left (or, by policy, restarts in full), and ANS is told.
 * A lapsed request cannot be answered: the candidature was deemed abandoned (409, R.1470-2).
 */
export const answerInformationRequest = (
  dossier: Dossier,
  input: { requestId: string; message: string; uploadIds?: string[] },
  caller: Caller,
  now: Date,
  policy: CalendarPolicy,
  uploads: Upload[] = [],
): RuleChange => {
  const request = dossier.infoRequests?.find((r) => r.id === input.requestId);
  if (!request) throw new NotFoundError('no such information request');
  if (request.status !== 'open' || isClosed(dossier.status)) {
    throw new ConflictError(
      request.status === 'lapsed' || dossier.status === 'abandoned'
        ? `the time to answer ended on ${request.dueAt}: the candidature is deemed abandoned`
        : `this information request is ${request.status}`,
      undefined,
      'Code de la santé publique, art. R.1470-2',
    );
  }
  // the files joined are this request's, received (a pending one is not yet a file)
  const joined = input.uploadIds ?? [];
  const unknown = joined.filter(
    (id) =>
      !uploads.some(
        (u) => u.id === id && u.purpose === 'answer' && u.requestId === request.id && u.status === 'received',
      ),
  );
  if (unknown.length)
    throw new BusinessRuleError(
      'the files joined to an answer are received files deposited for this request',
      unknown.map((id) => ({ path: 'uploadIds', message: `no received answer file ${id} for this request` })),
    );
  const at = now.toISOString();
  const answered: InfoRequest = {
    ...request,
    status: 'answered',
    answeredAt: at,
    answeredBy: caller.sub,
    answer: input.message,
    ...(joined.length ? { answerUploadIds: joined } : {}),
  };
  // an answer proves the request was received: its notification counts as opened, at the latest now
  const notice = notificationOf(dossier.notifications, 'info_request', request.id);
  const opened = notice ? received(notice, 'opened', at) : null;
  const withAnswer = {
    ...dossier,
    infoRequests: dossier.infoRequests!.map((r) => (r.id === request.id ? answered : r)),
    ...(opened ? { notifications: dossier.notifications!.map((n) => (n.id === opened.id ? opened : n)) } : {}),
  };
  const resumed =
    request.stage === 'instruction'
      ? resumeDecisionClock(withAnswer, now, policy.infoRequestEffect ?? 'suspend', policy)
      : withAnswer;
  return {
    dossier: withDeadlines(touchedByCandidate(resumed, now), policy),
    events: [
      ...(opened
        ? [
            {
              type: 'notification_received',
              actor: actorOf(caller),
              data: { notificationId: opened.id, kind: opened.kind, receipt: 'opened', receivedAt: at, byAnswer: true },
            },
          ]
        : []),
      {
        type: 'info_request_answered',
        actor: actorOf(caller),
        data: {
          requestId: request.id,
          messageLength: input.message.length,
          answerSha256: sha256(input.message),
          ...(joined.length ? { uploadIds: joined } : {}),
        },
      },
    ],
    mails: [mailToAns(`info-request:${request.id}:answered`, 'info_request_answered', { at })],
    wake: 'info_request_answered',
  };
};
