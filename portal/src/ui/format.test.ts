import { describe, expect, it } from 'vitest';
import { daysLeft, formatDate, formatDateTime, formatDaysLeft, formatSize, parisDay } from './format';
import { byUrgency } from '../pages/instructor/queue-table';

describe('portal formats', () => {
  it('shows instants in Paris time whatever the machine’s zone, across DST', () => {
    expect(formatDateTime('2026-03-29T00:30:00Z')).toBe('29 mars 2026 à 01:30');
    expect(formatDateTime('2026-03-29T01:30:00Z')).toBe('29 mars 2026 à 03:30');
    expect(formatDateTime('2026-12-31T23:30:00Z')).toBe('1 janvier 2027 à 00:30');
    expect(formatDate('2027-06-30')).toBe('30 juin 2027');
    expect(parisDay(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
    expect(parisDay(new Date('2027-07-31T21:59:00Z'))).toBe('2027-07-31');
  });

  it('counts whole days left, and says how late a clock is', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    expect(daysLeft('2026-11-28T10:00:00Z', now)).toBe(2);
    expect(formatDaysLeft('2026-11-28T10:00:00Z', now)).toBe('2 jours restants');
    expect(formatDaysLeft('2026-11-26T20:00:00Z', now)).toBe('échéance aujourd’hui');
    expect(formatDaysLeft('2026-11-24T09:00:00Z', now)).toBe('en retard de 3 jours');
    expect(formatSize(48 * 1024 * 1024)).toBe('48,0 Mo');
  });

  it('puts late dossiers first, then the oldest', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    const item = (id: string, since: string, dueAt?: string) => ({
      dossierId: id,
      companyId: 'c',
      companyName: 'Acme',
      product: { name: id, version: '1' },
      since,
      status: 'instruction' as const,
      deadlines: dueAt ? [{ kind: 'decision' as const, dueAt, legalBasis: 'R.1470-4' }] : [],
    });
    const sorted = byUrgency(
      [
        item('old', '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'),
        item('late', '2026-06-01T00:00:00Z', '2026-11-01T00:00:00Z'),
        item('new', '2026-11-01T00:00:00Z'),
      ],
      now,
    );
    expect(sorted.map((i) => i.dossierId)).toEqual(['late', 'old', 'new']);
  });
});
