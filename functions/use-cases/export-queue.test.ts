import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile } from '../../test/support/use-case-journey';
import { exportQueue } from './export-queue';

describe('exporting a queue', () => {
  it('writes every item as CSV (BOM, semicolons) or hands the rows to the spreadsheet writer', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 121);
    await completeFile(w.deps, w.candidate, w.id);
    const written: unknown[] = [];
    const writer = {
      writeXlsx: (sheet: string, header: string[], rows: unknown[][]) => {
        written.push({ sheet, header, rows });
        return Buffer.from('xlsx');
      },
    };
    const csv = await exportQueue(w.deps, callers.instructor, 'instruction', 'csv', writer);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    const lines = csv.body.toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFRéférence;Dossier;Entreprise;Produit;Version;Dans la file depuis (heure de Paris);Délai le plus proche (heure de Paris)',
    );
    // the company by its name, the instant in Paris time
    expect(lines[1]).not.toContain(w.companyId);
    expect(lines[1]).toMatch(/;\d{2}\/\d{2}\/\d{4} \d{2}:\d{2};/);
    expect(lines[1]).toContain(w.id);
    // its reference first, and its nearest clock in words (the INS test day, a month after receipt)
    expect(lines[1]).toMatch(/^CAND-2026-\d{5};/);
    expect(lines[1]).toMatch(/;Journée de test INS : \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    const xlsx = await exportQueue(w.deps, callers.instructor, 'instruction', 'xlsx', writer);
    expect(xlsx.body.toString()).toBe('xlsx');
    expect(written).toEqual([
      {
        sheet: 'Instruction',
        // the same columns as the CSV's
        header: lines[0]!.replace('\uFEFF', '').split(';'),
        rows: [expect.arrayContaining([w.id])],
      },
    ]);
  });
});
