import { actorOf, type Caller } from '../caller';
import { assertAllowed } from '../dossier-commands';
import type { Dossier } from '../dossier-model';
import type { RuleChange } from '../rule-change';

/**
 * Who at ANS has a dossier in hand: an instructor takes it (« je prends ce dossier ») — from a
 * colleague too, which is how it is reassigned — or gives it back. An open dossier only. The act is
 * journaled (the company's journal shows that ANS took it in charge, never who); taking what one
 * already holds changes nothing (null).
 */
export const takeInCharge = (dossier: Dossier, caller: Caller, now: Date): RuleChange | null => {
  assertAllowed('assign', dossier);
  if (dossier.assignee?.sub === caller.sub) return null;
  const previous = dossier.assignee?.sub;
  return {
    dossier: {
      ...dossier,
      assignee: { sub: caller.sub, ...(caller.email ? { email: caller.email } : {}), at: now.toISOString() },
    },
    events: [{ type: 'dossier_taken_in_charge', actor: actorOf(caller), data: previous ? { from: previous } : {} }],
  };
};

export const releaseCharge = (dossier: Dossier, caller: Caller): RuleChange | null => {
  assertAllowed('assign', dossier);
  if (!dossier.assignee) return null;
  const { assignee: _released, ...rest } = dossier;
  return { dossier: rest, events: [{ type: 'dossier_released', actor: actorOf(caller) }] };
};
