import { describe, expect, it } from 'vitest';
import { DOSSIER_REFERENCE_PATTERN, dossierReference, referenceYear } from './dossier-reference';

describe('dossier references', () => {
  it('reads CAND-<year>-<five digits>, and grows past five digits rather than wrap', () => {
    expect(dossierReference(2027, 42)).toBe('CAND-2027-00042');
    expect(dossierReference(2027, 123456)).toBe('CAND-2027-123456');
    expect(DOSSIER_REFERENCE_PATTERN.test('CAND-2027-00042')).toBe(true);
    expect(DOSSIER_REFERENCE_PATTERN.test('TLC-2027-000042')).toBe(false);
  });

  it('counts the year in Paris: New Year’s Eve at 23:30 UTC is already next year', () => {
    expect(referenceYear(new Date('2027-12-31T22:59:59Z'))).toBe(2027);
    expect(referenceYear(new Date('2027-12-31T23:30:00Z'))).toBe(2028);
  });
});
