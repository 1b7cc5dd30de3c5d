import { describe, expect, it } from 'vitest';
import { createDossier } from './dossier';
import type { Dossier } from './dossier-model';
import { nearestDeadline, queueEntry } from './queue';

const draft = createDossier(
  { product: { name: 'TéléDoc', version: '1.0' }, useCase: 'health_facility', profiles: ['general'] },
  'company-1',
  'user-1',
  new Date('2026-08-31T10:00:00Z'),
  'd-1',
);
const as = (patch: Partial<Dossier>): Dossier => ({ ...draft, ...patch }) as Dossier;

describe('the clock that ends first', () => {
  it('is the earliest due date, the first listed of equal ones, none without clocks', () => {
    const a = { kind: 'a', dueAt: '2027-01-10T22:59:59.999Z' };
    const b = { kind: 'b', dueAt: '2026-12-31T22:59:59.999Z' };
    const c = { kind: 'c', dueAt: '2026-12-31T22:59:59.999Z' };
    expect(nearestDeadline([a, b, c])).toBe(b);
    expect(nearestDeadline([c, b, a])).toBe(c);
    expect(nearestDeadline([])).toBeUndefined();
  });
});

describe('where a dossier sits in ANS’s queues', () => {
  it('a draft sits in none: the company is the one to act', () => {
    expect(queueEntry(draft)).toBeNull();
  });

  it('an open information request takes the dossier out of its stage, ordered by the answer’s due date', () => {
    const dossier = as({
      status: 'instruction',
      receipt: { at: '2026-10-01T08:00:00.000Z' } as Dossier['receipt'],
      infoRequests: [
        {
          status: 'open',
          openedAt: '2026-10-05T08:00:00.000Z',
          dueAt: '2026-11-05T22:59:59.999Z',
        } as NonNullable<Dossier['infoRequests']>[number],
      ],
    });
    expect(queueEntry(dossier)).toEqual({
      stage: 'awaiting_answer',
      since: '2026-10-05T08:00:00.000Z',
      orderBy: '2026-11-05T22:59:59.999Z',
    });
    expect(queueEntry({ ...dossier, infoRequests: [] })).toEqual({
      stage: 'instruction',
      since: '2026-10-01T08:00:00.000Z',
      orderBy: '2026-10-01T08:00:00.000Z',
    });
  });

  it('the collège’s agenda is ordered by the decision deadline, from the convention’s signature', () => {
    const dossier = as({
      status: 'college_pending',
      convention: { signedAt: '2026-11-02T09:00:00.000Z' } as Dossier['convention'],
      decisionDueAt: '2027-01-15T22:59:59.999Z',
    });
    expect(queueEntry(dossier)).toEqual({
      stage: 'college',
      since: '2026-11-02T09:00:00.000Z',
      orderBy: '2027-01-15T22:59:59.999Z',
    });
  });
});
