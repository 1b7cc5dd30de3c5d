import { randomUUID } from 'node:crypto';
import { actorOf, type Caller } from './caller';
import type { Role } from './roles';

/**
 * Private notes between ANS staff on a dossier (the instructor's working notes, a hand-over, a
 * reviewer's remark): never shown to the company — not on the dossier, not in its journal, not in
 * a webhook — and erased with the dossier's other personal data at the end of its retention.
 */
export interface StaffNote {
  id: string;
  dossierId: string;
  by: { sub: string; role: string };
  body: string;
  at: string;
}

/** Who writes and reads the notes: the staff who work on dossiers (support does not). */
export const STAFF_NOTE_ROLES: readonly Role[] = ['instructor', 'security_reviewer', 'college'];

export const newStaffNote = (
  dossierId: string,
  caller: Caller,
  body: string,
  now: Date,
  id: string = randomUUID(),
): StaffNote => ({ id, dossierId, by: actorOf(caller), body, at: now.toISOString() });
