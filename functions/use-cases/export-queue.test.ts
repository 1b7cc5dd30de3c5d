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
    expect(lines[0]).toBe('\uFEFFdossier;societe;produit;version;depuis');
    expect(lines[1]).toContain(w.id);
    const xlsx = await exportQueue(w.deps, callers.instructor, 'instruction', 'xlsx', writer);
    expect(xlsx.body.toString()).toBe('xlsx');
    expect(written).toEqual([
      {
        sheet: 'File instruction',
        header: ['dossier', 'societe', 'produit', 'version', 'depuis'],
        rows: [expect.arrayContaining([w.id])],
      },
    ]);
  });
});
