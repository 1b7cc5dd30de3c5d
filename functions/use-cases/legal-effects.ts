import { assertCanSee, SYSTEM_ACTOR, type Caller } from '../domain/caller';
import { decideClocks, effectiveInstant, type RunningClock } from '../domain/clocks';
import { companyRecipients } from '../domain/company';
import { isClosed, transition } from '../domain/dossier';
import { PreconditionFailedError } from '../domain/errors';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { Referential, StoredDossier } from '../domain/ports';
import type { Upload } from '../domain/upload';
import type { Dependencies } from '../container';
import { commitChange, commitDossier } from './commit-dossier';
import { deemReceipts, notify } from '../domain/dossier-rules/notifications';
import { grantByTacitAcceptance } from './grant-certificate';
import { notifyWorkflow } from './notify-workflow';

/**
 * Legal effects first (DESIGN.md §3). The timers only wake: every command on a dossier, and the
 * workflow's Evaluate, first applies the legal effects whose instant has passed — abandonment
 * (R.1470-2, guide §5.2), tacit acceptance (R.1470-4), the INS test day flagged late — so that
 * nothing can slip in between the legal instant and a late timer.
 * Input: a stored dossier. Output: the stored dossier once every effect due is stored.
 * Steps: decide the clocks at now → store the expired clock's effect (journal, mail) → again,
 * until nothing has expired; a concurrent writer only means: read and decide again.
 */
export const applyDueLegalEffects = async (deps: Dependencies, stored: StoredDossier): Promise<StoredDossier> => {
  let current = stored;
  for (let step = 0; step < 10; step++) {
    // a notification not opened is received at its deemed instant — a decision on a closed dossier
    // too: its appeal period runs from there (API.md [1.2])
    const deemed = deemReceipts(current.dossier, deps.clock.now(), deps.calendar);
    if (deemed) {
      try {
        await commitChange(deps, current, deemed);
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
      const reloaded = await deps.dossiers.get(current.dossier.id);
      if (!reloaded) return current;
      current = reloaded;
      continue;
    }
    if (isClosed(current.dossier.status)) return current;
    const expired = decideClocks(current.dossier, deps.clock.now(), deps.calendar).expired;
    if (!expired) return current;
    try {
      await applyEffect(deps, current, expired);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
    }
    const reloaded = await deps.dossiers.get(current.dossier.id);
    if (!reloaded) return current;
    current = reloaded;
  }
  throw new Error(`dossier ${stored.dossier.id}: legal effects did not settle`);
};

/** Loads a dossier for a command, with every legal effect already due applied; null when unknown. */
export const loadDossier = async (deps: Dependencies, id: string): Promise<StoredDossier | null> => {
  const stored = await deps.dossiers.get(id);
  if (!stored) return null;
  const settled = await applyDueLegalEffects(deps, stored);
  if (settled !== stored) await notifyWorkflow(deps, id, 'legal_effect');
  return settled;
};

/**
 * The preamble of a command on a dossier, once: load with the legal effects due applied, and the
 * same 404 for a missing dossier as for another company's.
 */
export const loadOwnDossier = async (deps: Dependencies, caller: Caller, id: string) => {
  const stored = await loadDossier(deps, id);
  const dossier = assertCanSee(caller, stored?.dossier);
  return { stored: stored!, dossier };
};

/** The referential a dossier was filed under; its absence is the platform's fault, not the caller's. */
export const referentialOf = async (
  deps: Dependencies,
  dossier: { referentialVersion: string },
): Promise<Referential> => {
  const referential = await deps.referentials.get(dossier.referentialVersion);
  if (!referential) throw new Error(`referential ${dossier.referentialVersion} is missing`);
  return referential;
};

/** As `loadDossier`, with the dossier's uploads. */
export const loadDossierWithUploads = async (
  deps: Dependencies,
  id: string,
): Promise<{ stored: StoredDossier; uploads: Upload[] } | null> => {
  const loaded = await deps.dossiers.getWithUploads(id);
  if (!loaded) return null;
  const settled = await applyDueLegalEffects(deps, loaded.stored);
  if (settled === loaded.stored) return loaded;
  await notifyWorkflow(deps, id, 'legal_effect');
  return deps.dossiers.getWithUploads(id);
};

const applyEffect = async (deps: Dependencies, stored: StoredDossier, expired: RunningClock) => {
  const dossierId = stored.dossier.id;
  const now = deps.clock.now().toISOString();
  const company = await deps.companies.get(stored.dossier.companyId);
  const to = company ? companyRecipients(company) : [];
  const about = aboutDossier(stored.dossier);
  const { kind, legalBasis, dueAt } = expired;
  const data = { clock: kind, dueAt: dueAt.toISOString(), legalBasis };

  if (expired.onExpiry === 'flag_late') {
    await commitDossier(
      deps,
      stored,
      { ...stored.dossier, insTestLate: true },
      [{ type: 'ins_test_day_late', actor: SYSTEM_ACTOR, data }],
      {
        outbox: [
          outboxMessage(
            `dossier:${dossierId}:ins-test-late`,
            'ins_test_day_late',
            [...to, deps.ansMailbox],
            about,
            now,
            dossierId,
          ),
        ],
      },
    );
    return;
  }
  if (expired.onExpiry === 'tacit_acceptance') {
    await grantByTacitAcceptance(deps, stored, expired);
    return;
  }
  if (expired.onExpiry === 'abandon') {
    const dossier = {
      // the dossier is abandoned when its period ends, however late the timer or the command
      ...transition(stored.dossier, 'abandoned', effectiveInstant(expired)),
      closedReason: kind,
      ...(stored.dossier.infoRequests
        ? {
            infoRequests: stored.dossier.infoRequests.map((r) =>
              r.status === 'open' ? { ...r, status: 'lapsed' as const } : r,
            ),
          }
        : {}),
    };
    const template = kind === 'info_request' ? 'dossier_abandoned_info_request' : 'dossier_abandoned_inactivity';
    // the abandonment is notified like any decision (API.md [1.2]), dated at its legal instant
    const issued = notify(dossier, 'abandonment', effectiveInstant(expired), deps.calendar);
    await commitDossier(
      deps,
      stored,
      issued.dossier,
      [{ type: 'dossier_abandoned', actor: SYSTEM_ACTOR, data }, issued.event],
      {
        outbox: to.length ? [outboxMessage(`dossier:${dossierId}:abandoned`, template, to, about, now, dossierId)] : [],
      },
    );
  }
};
