import { describe, expect, it } from 'vitest';
import { decideClocks } from './clocks';
import { createDossier, patchDossier, transition, TRANSITIONS, DOSSIER_STATUSES } from './dossier';
import { ConflictError } from './errors';

const draftInput = {
  product: { name: 'TéléDoc', version: '1.0' },
  useCase: 'health_facility' as const,
  profiles: ['general' as const],
};
const created = createDossier(draftInput, 'company-1', 'user-1', new Date('2026-08-31T10:00:00Z'), 'd-1');

describe('dossier aggregate', () => {
  it('starts as a draft with its inactivity clock (6 months, next working day, end of day in Paris)', () => {
    expect(created.status).toBe('draft');
    expect(created.deadlines).toEqual([
      { kind: 'inactivity_abandonment', dueAt: '2027-03-01T22:59:59.999Z', legalBasis: 'Guide de dépôt ANS §5.2' },
    ]);
  });

  it('restarts the inactivity clock on every candidate change, and clears fields set to null', () => {
    const withNie = patchDossier(created, { nie: 'NIE-1' }, new Date('2026-10-01T10:00:00Z'));
    const cleared = patchDossier(withNie, { nie: null, components: null }, new Date('2026-10-02T10:00:00Z'));
    expect(withNie.nie).toBe('NIE-1');
    expect(cleared.nie).toBeUndefined();
    expect(cleared.components).toEqual([]);
    expect(cleared.deadlines[0]!.dueAt).toBe('2027-04-02T21:59:59.999Z');
  });

  it('edits only drafts', () => {
    const submitted = transition(created, 'admissibility_review', new Date('2026-09-01T10:00:00Z'));
    expect(() => patchDossier(submitted, { nie: 'X' }, new Date('2026-09-02T10:00:00Z'))).toThrow(ConflictError);
    expect(submitted.deadlines).toEqual([]); // ANS is the one to act: no inactivity clock
  });

  it('refuses every transition outside the table, and closed statuses have none', () => {
    for (const from of DOSSIER_STATUSES) {
      for (const to of DOSSIER_STATUSES) {
        const attempt = () => transition({ ...created, status: from }, to, new Date('2026-09-01T10:00:00Z'));
        if (TRANSITIONS[from].includes(to)) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(ConflictError);
      }
    }
    expect(transition(created, 'withdrawn', new Date('2026-09-01T10:00:00Z')).closedAt).toBe(
      '2026-09-01T10:00:00.000Z',
    );
  });

  it('abandons only once the deadline has passed', () => {
    expect(decideClocks(created, new Date('2027-03-01T22:59:59.999Z')).expired).toBeUndefined();
    expect(decideClocks(created, new Date('2027-03-01T23:00:00.000Z')).expired?.kind).toBe('inactivity_abandonment');
    expect(decideClocks({ ...created, status: 'instruction' }, new Date('2030-01-01T00:00:00Z'))).toEqual({
      reminders: [],
    });
  });

  it('follows the calendar policy switch', () => {
    const noShift = { extendToWorkingDay: false };
    expect(decideClocks(created, new Date('2027-03-01T00:00:00Z'), noShift).expired?.kind).toBe(
      'inactivity_abandonment',
    );
  });
});
