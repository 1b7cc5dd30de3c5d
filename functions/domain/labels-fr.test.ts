import { describe, expect, it } from 'vitest';
import { CERTIFICATE_STATUSES } from './certificate';
import { DOSSIER_STATUSES } from './dossier-model';
import { CERTIFICATE_STATUS_LABELS, GRANTED_BY_LABELS, STATUS_LABELS } from './labels-fr';
import { frenchDay, parisDateTime } from './calendar';

describe('the French words for the codes (portal and exports)', () => {
  it('has a word for every status the domain knows, and no code left in them', () => {
    expect(Object.keys(STATUS_LABELS).sort()).toEqual([...DOSSIER_STATUSES].sort());
    expect(Object.keys(CERTIFICATE_STATUS_LABELS).sort()).toEqual([...CERTIFICATE_STATUSES].sort());
    expect(Object.keys(GRANTED_BY_LABELS).sort()).toEqual(['college', 'tacit_acceptance']);
    for (const label of [
      ...Object.values(STATUS_LABELS),
      ...Object.values(CERTIFICATE_STATUS_LABELS),
      ...Object.values(GRANTED_BY_LABELS),
    ])
      expect(label).not.toMatch(/_/);
  });

  it('writes instants in Paris time and days the French way, across DST', () => {
    expect(parisDateTime('2027-03-28T00:30:00Z')).toBe('28/03/2027 01:30');
    expect(parisDateTime('2027-03-28T01:30:00Z')).toBe('28/03/2027 03:30');
    expect(parisDateTime(new Date('2026-12-31T23:30:00Z'))).toBe('01/01/2027 00:30');
    expect(frenchDay('2027-06-30')).toBe('30/06/2027');
  });
});
