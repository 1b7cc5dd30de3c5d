import { describe, expect, it } from 'vitest';
import { matchesSearch, searchable } from './text';

describe('search text', () => {
  it('ignores accents, case and ligatures, and matches every word in any order', () => {
    expect(searchable('  TéléSanté   Plus ')).toBe('telesante plus');
    expect(matchesSearch('TLC-2027-000001 TéléSanté Plus Société Portail Santé', 'telesante')).toBe(true);
    expect(matchesSearch('Cœur Médical', 'coeur medical')).toBe(true);
    expect(matchesSearch('TéléSanté Plus Société Portail', 'portail télé')).toBe(true);
    expect(matchesSearch('TéléSanté Plus', 'telesante moins')).toBe(false);
    expect(matchesSearch('anything', '')).toBe(true);
  });
});
