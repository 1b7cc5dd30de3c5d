import { describe, expect, it } from 'vitest';
import { createDossier } from './dossier';
import type { Dossier } from './dossier-model';
import { RETENTION, RETENTION_CATEGORIES } from './retention';
import { dossierRetention, expiresAt, retentionWakeAt } from './retention-dates';

const base = createDossier(
  { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: [] },
  'c',
  'u',
  new Date('2027-01-04T08:00:00Z'),
);
const at = (iso: string) => new Date(iso).toISOString();

describe('retention periods', () => {
  it('has one rule per category, each with a reason and a basis', () => {
    expect(RETENTION.map((r) => r.category)).toEqual([...RETENTION_CATEGORIES]);
    for (const r of RETENTION) {
      expect(r.reason.length).toBeGreaterThan(20);
      expect(r.basis).toMatch(/RGPD|code|loi|CSP/);
    }
  });

  it('runs nothing while a dossier is open or its certificate alive', () => {
    expect(dossierRetention(base)).toBeNull();
    const certified: Dossier = {
      ...base,
      status: 'certified',
      closedAt: at('2027-06-01T10:00:00Z'),
      certificate: {
        number: 'TLC-2027-000001',
        status: 'valid',
        grantedAt: at('2027-06-01T10:00:00Z'),
        grantedBy: 'college',
        withReservations: false,
      },
    };
    expect(dossierRetention(certified)).toBeNull();
    expect(retentionWakeAt(certified)).toBeNull();
  });

  it('keeps a draft never submitted one year from its closure, to the end of that Paris day', () => {
    const draft: Dossier = { ...base, status: 'abandoned', closedAt: at('2027-03-31T22:30:00Z') }; // 1 April in Paris
    expect(dossierRetention(draft)).toEqual({
      category: 'draft_not_submitted',
      from: '2027-03-31T22:30:00.000Z',
      dueAt: '2028-04-01T21:59:59.999Z',
      noticeAt: '2028-03-18T22:59:59.999Z', // two weeks before, at the same Paris wall time (winter time then)
    });
  });

  it('keeps a dossier closed after its submission four years, a certified one five years after the certificate ends', () => {
    const refused: Dossier = {
      ...base,
      status: 'refused',
      submittedAt: at('2027-01-05T08:00:00Z'),
      closedAt: at('2027-09-01T08:00:00Z'),
    };
    expect(dossierRetention(refused)).toMatchObject({
      category: 'closed_without_certificate',
      dueAt: '2031-09-01T21:59:59.999Z',
    });
    const ended: Dossier = {
      ...base,
      status: 'certified',
      submittedAt: at('2027-01-05T08:00:00Z'),
      closedAt: at('2027-06-01T10:00:00Z'),
      certificate: {
        number: 'TLC-2027-000001',
        status: 'withdrawn',
        grantedAt: at('2027-06-01T10:00:00Z'),
        grantedBy: 'college',
        withReservations: false,
        endedAt: at('2029-02-28T15:00:00Z'),
      },
    };
    expect(dossierRetention(ended)).toMatchObject({ category: 'certified', dueAt: '2034-02-28T22:59:59.999Z' });
    // once the notice is sent, the next thing due is the erasure
    expect(retentionWakeAt(ended)).toBe(dossierRetention(ended)!.noticeAt);
    expect(retentionWakeAt({ ...ended, retentionNoticeAt: at('2034-02-14T23:00:00Z') })).toBe(
      '2034-02-28T22:59:59.999Z',
    );
  });

  it('expires mail and settled webhook records 90 days on, in epoch seconds', () => {
    expect(expiresAt('mail', '2027-01-04T08:00:00Z')).toBe(Math.ceil(Date.parse('2027-04-04T21:59:59.999Z') / 1000));
  });
});
