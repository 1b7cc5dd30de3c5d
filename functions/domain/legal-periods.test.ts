import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPEAL_PERIOD, CLOCKS, inFigures, inWords } from './legal-periods';
import { renderMail } from './mail-templates';
import { APPEAL_TEXT } from './decision';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'api' ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });

describe('the legal periods, said once', () => {
  it('says each period in French words and figures', () => {
    expect(inWords(CLOCKS.decision.period)).toBe('six mois');
    expect(inWords(CLOCKS.info_request.period)).toBe('soixante jours');
    expect(inWords(CLOCKS.ins_test_day.period)).toBe('quatre semaines');
    expect(inWords(CLOCKS.convention_term.period)).toBe('cinq ans');
    expect(inWords(APPEAL_PERIOD.period)).toBe('deux mois');
    expect(inWords({ years: 1, days: 1 })).toBe('un an et un jour');
    expect(inFigures(CLOCKS.info_request.period)).toBe('60 jours');
    expect(inWords({ days: 45 })).toBe('45 jours');
  });

  it('puts the table’s period into the mails and the decision’s means of appeal', () => {
    const about = { productName: 'P', productVersion: '1', dossierId: 'd' };
    expect(renderMail('dossier_abandoned_info_request', about).text).toContain('soixante jours');
    expect(APPEAL_TEXT).toContain('deux mois');
  });

  it('leaves no period retyped as prose in the mails, the PDFs or the portal', () => {
    const files = [
      ...sources(path.join(ROOT, 'functions/domain')).filter((f) => !f.endsWith('legal-periods.ts')),
      ...sources(path.join(ROOT, 'functions/documents')),
      ...sources(path.join(ROOT, 'portal/src')),
    ];
    const prose =
      /\b(un|deux|trois|quatre|cinq|six|soixante|\d+) (ans?|mois|semaines?|jours?)\b(?! (ouvrés|calendaires) plus tôt)/;
    const found = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, f)}:${i + 1}` }))
        .filter(({ line }) => prose.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
        .map(({ at, line }) => `${at} ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });
});
