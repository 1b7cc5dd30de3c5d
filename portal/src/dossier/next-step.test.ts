import { describe, expect, it } from 'vitest';
import type { Dossier, Requirements } from '../api/client';
import { actorLabel, countEvidence, formatEvidenceCount, nextStep } from './next-step';

const dossier = (overrides: Record<string, unknown>) =>
  ({
    id: 'd1',
    status: 'instruction',
    profiles: ['teleconsultation'],
    deadlines: [],
    infoRequests: [],
    uploads: [],
    ...overrides,
  }) as unknown as Dossier;

const proof = (id: string, verdict?: 'compliant' | 'non_compliant', at = '2027-01-10T10:00:00.000Z') => ({
  id,
  status: 'received',
  ...(verdict ? { review: { verdict, at } } : {}),
});

const requirements = (proofs: Record<string, unknown[]>) =>
  ({
    referentialVersion: '1.4.2',
    sections: [
      {
        id: 's1',
        title: 'S',
        status: 'submitted',
        requirements: Object.entries(proofs).map(([id, list]) => ({ id, proofs: list })),
      },
    ],
  }) as unknown as Requirements;

describe('the next step of a dossier (the head of its page)', () => {
  it('is the company’s answer while an information request is open, whatever the status', () => {
    const step = nextStep(
      dossier({
        status: 'instruction',
        decisionClock: { state: 'suspended', suspendedDays: 3 },
        infoRequests: [{ id: 'r1', status: 'open', dueAt: '2027-02-01T22:59:59.999Z' }],
      }),
      undefined,
      'candidate',
    );
    expect(step).toMatchObject({ actor: 'company', dueAt: '2027-02-01T22:59:59.999Z', anchor: 'request-r1' });
    expect(actorLabel(step, 'candidate')).toBe('À vous');
    expect(actorLabel(step, 'staff')).toBe('Au candidat');
  });

  it('says « suspendu » instead of a date while the decision clock is suspended', () => {
    const step = nextStep(dossier({ decisionClock: { state: 'suspended', suspendedDays: 2 } }), undefined, 'staff');
    expect(step).toMatchObject({ actor: 'ans', suspended: true });
    expect(step.dueAt).toBeUndefined();
  });

  it('gives the collège the decision clock’s date when it runs', () => {
    const step = nextStep(
      dossier({ status: 'college_pending', decisionClock: { state: 'running', dueAt: '2027-06-30T21:59:59.999Z' } }),
      undefined,
      'candidate',
    );
    expect(step).toMatchObject({ actor: 'college', dueAt: '2027-06-30T21:59:59.999Z' });
  });

  it('sends the company back to the non-compliant proofs before anything else in instruction', () => {
    const step = nextStep(
      dossier({ status: 'instruction' }),
      requirements({ a: [proof('u1', 'non_compliant')], b: [proof('u2', 'compliant')] }),
      'candidate',
    );
    expect(step).toMatchObject({ actor: 'company', anchor: 'evidence' });
    expect(step.text).toContain('(1)');
  });

  it('asks for the INS test day of an identity profile not yet proposed', () => {
    const step = nextStep(
      dossier({ profiles: ['identity_ins'], insTestDueAt: '2027-03-01T22:59:59.999Z' }),
      undefined,
      'candidate',
    );
    expect(step).toMatchObject({ actor: 'company', anchor: 'ins', dueAt: '2027-03-01T22:59:59.999Z' });
  });

  it('counts evidence, the latest review of a requirement deciding', () => {
    const count = countEvidence(
      requirements({
        a: [
          proof('u1', 'non_compliant', '2027-01-01T10:00:00.000Z'),
          proof('u2', 'compliant', '2027-01-05T10:00:00.000Z'),
        ],
        b: [proof('u3', 'non_compliant')],
        c: [proof('u4')],
        d: [],
      }),
    );
    expect(count).toEqual({ total: 4, received: 3, compliant: 1, nonCompliant: 1 });
    expect(formatEvidenceCount(count)).toBe('3/4 exigences pourvues, 1 conforme, 1 non conforme');
    expect(formatEvidenceCount({ total: 18, received: 17, compliant: 0, nonCompliant: 1 })).toBe(
      '17/18 exigences pourvues, 1 non conforme',
    );
  });

  it('puts the deposit’s counters and its inactivity clock in the proofs stage', () => {
    const step = nextStep(
      dossier({
        status: 'proofs_deposit',
        deadlines: [{ kind: 'inactivity_abandonment', dueAt: '2027-04-01T21:59:59.999Z', legalBasis: 'R' }],
      }),
      requirements({ a: [proof('u1')], b: [] }),
      'candidate',
    );
    expect(step).toMatchObject({ actor: 'company', dueAt: '2027-04-01T21:59:59.999Z', anchor: 'evidence' });
    expect(step.text).toBe('Déposer une preuve pour chaque exigence et remettre chaque section.');
  });

  it('ends with the decision’s receipt, then the time to appeal', () => {
    const decided = {
      outcome: 'refused',
      decidedAt: '2027-05-01T10:00:00.000Z',
      appeal: { text: '…', until: '2027-07-02T21:59:59.999Z' },
    };
    expect(nextStep(dossier({ status: 'refused', decision: decided }), undefined, 'candidate')).toMatchObject({
      actor: 'company',
      anchor: 'decision',
    });
    const received = nextStep(
      dossier({ status: 'refused', decision: { ...decided, receivedAt: '2027-05-02T10:00:00.000Z' } }),
      undefined,
      'candidate',
    );
    expect(received).toMatchObject({ actor: 'none', dueAt: '2027-07-02T21:59:59.999Z' });
    expect(actorLabel(received, 'candidate')).toBe('Dossier clos');
    const certified = nextStep(
      dossier({
        status: 'certified',
        decision: { ...decided, outcome: 'certified', receivedAt: '2027-05-02T10:00:00.000Z' },
        certificate: { number: 'TLC-2027-000001' },
      }),
      undefined,
      'candidate',
    );
    expect(certified).toMatchObject({ actor: 'none', anchor: 'certificate' });
  });
});
