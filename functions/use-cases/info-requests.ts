import { sha256 } from '../domain/journal';
import { randomUUID } from 'node:crypto';
import { actorOf, type Caller } from '../domain/caller';
import { infoRequestDeadline } from '../domain/clocks';
import { pauseDecisionClock, resumeDecisionClock } from '../domain/decision-clock';
import {
  isClosed,
  openInfoRequest,
  touchedByCandidate,
  withDeadlines,
  type Dossier,
  type InfoRequest,
} from '../domain/dossier';
import { ConflictError, NotFoundError } from '../domain/errors';
import { loadDossier, loadOwnDossier } from './legal-effects';
import { aboutDossier, companyMail, outboxMessage } from '../domain/outbox';
import type { StoredDossier } from '../domain/ports';
import type { Upload } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitDossier, type EventDraft } from './commit-dossier';
import { notifyWorkflow } from './notify-workflow';

const STAGE_OF: Partial<Record<Dossier['status'], InfoRequest['stage']>> = {
  admissibility_review: 'admissibility',
  instruction: 'instruction',
};

/**
 * Builds the dossier with a new information request (R.1470-2: 60 days, else abandoned), its
 * journal event and its mail. Shared by the admissibility verdict "incomplete" and by the
 * instructor's explicit request.
 */
export const withInfoRequest = async (
  deps: Dependencies,
  stored: StoredDossier,
  caller: Caller,
  missingItems: string[],
  extraEvents: EventDraft[] = [],
  uploads: Upload[] = [],
) => {
  const dossier = stored.dossier;
  const stage = STAGE_OF[dossier.status];
  if (!stage) throw new ConflictError(`no information request can be opened while the dossier is ${dossier.status}`);
  if (openInfoRequest(dossier)) throw new ConflictError('an information request is already open on this dossier');
  const now = deps.clock.now();
  const request: InfoRequest = {
    id: randomUUID(),
    stage,
    missingItems,
    openedAt: now.toISOString(),
    openedBy: caller.sub,
    dueAt: infoRequestDeadline(now, deps.calendar).toISOString(),
    status: 'open',
  };
  // R.1470-4: while the candidate owes the missing items, the decision clock stands still
  const withRequest = {
    ...dossier,
    updatedAt: now.toISOString(),
    infoRequests: [...(dossier.infoRequests ?? []), request],
  };
  const next = withDeadlines(
    stage === 'instruction' ? pauseDecisionClock(withRequest, now, 'info_request') : withRequest,
    deps.calendar,
  );
  const company = await deps.companies.get(dossier.companyId);
  const saved = await commitDossier(
    deps,
    stored,
    next,
    [
      ...extraEvents,
      {
        type: 'info_request_opened',
        actor: actorOf(caller),
        data: { requestId: request.id, missingItems, dueAt: request.dueAt, legalBasis: 'R.1470-2' },
      },
    ],
    {
      uploads,
      outbox: companyMail(company, dossier, `info-request:${request.id}`, 'info_request_opened', now.toISOString(), {
        dueAt: request.dueAt,
        items: missingItems.join('\n'),
      }),
    },
  );
  await notifyWorkflow(deps, dossier.id, 'info_request_opened');
  return { saved, request };
};

/**
 * An instructor asks for missing items.
 * Input: dossier id, missing items. Output: the request id and its legal due date.
 */
export const openInfoRequestUseCase = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  missingItems: string[],
) => {
  const stored = await loadDossier(deps, id);
  if (!stored) throw new NotFoundError('no such dossier');
  const { request } = await withInfoRequest(deps, stored, caller, missingItems);
  return { requestId: request.id, dueAt: request.dueAt };
};

/**
 * The candidate answers an information request in time; the 60-day clock stops and the
 * dossier goes back to ANS's queue.
 * Input: dossier id, request id, message. Output: the stored dossier.
 */
export const answerInfoRequest = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  requestId: string,
  message: string,
) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  const request = dossier.infoRequests?.find((r) => r.id === requestId);
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
  const at = deps.clock.now();
  const now = at.toISOString();
  const answered: InfoRequest = {
    ...request,
    status: 'answered',
    answeredAt: now,
    answeredBy: caller.sub,
    answer: message,
  };
  // R.1470-4: the decision clock resumes with the time it had left (or, by policy, restarts in full)
  const withAnswer = {
    ...dossier,
    infoRequests: dossier.infoRequests!.map((r) => (r.id === requestId ? answered : r)),
  };
  const next = touchedByCandidate(
    request.stage === 'instruction'
      ? resumeDecisionClock(withAnswer, at, deps.calendar.infoRequestEffect ?? 'suspend', deps.calendar)
      : withAnswer,
    deps.clock.now(),
  );
  const saved = await commitDossier(
    deps,
    stored,
    withDeadlines(next, deps.calendar),
    [
      {
        type: 'info_request_answered',
        actor: actorOf(caller),
        data: { requestId, messageLength: message.length, answerSha256: sha256(message) },
      },
    ],
    {
      outbox: [
        outboxMessage(
          `info-request:${requestId}:answered`,
          'info_request_answered',
          [deps.ansMailbox],
          {
            ...aboutDossier(dossier),
            at: now,
          },
          now,
          id,
        ),
      ],
    },
  );
  await notifyWorkflow(deps, id, 'info_request_answered');
  return saved;
};
