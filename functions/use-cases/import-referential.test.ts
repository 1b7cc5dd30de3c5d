import { describe, expect, it } from 'vitest';
import { callers, certifiedBySilence } from '../../test/support/use-case-journey';
import { BadRequestError } from '../domain/errors';
import { IMPORT_COLUMNS } from '../domain/catalogue-import';
import { importReferential } from './import-referential';

const header = [...IMPORT_COLUMNS];
const rows = [header, ['ins', 'INS', 'INS-01', 'Traits', 'd', 'general', 'non', 'captures']];
/** The spreadsheet port: rows given as they would be read from the file. */
const sheets = (read: string[][]) => ({ read: async () => read });

describe('publishing a referential version', () => {
  it('stores the version with the current matrix, makes it current, and flags holders for renewal by a date', async () => {
    const w = await certifiedBySilence(101);
    const result = await importReferential(
      w.deps,
      callers.admin,
      { version: '1.5.0', format: 'csv', content: '', current: true, renewalRequiredBy: '2027-06-30' },
      sheets(rows),
    );
    expect(result).toEqual({
      version: '1.5.0',
      sections: 1,
      requirements: 1,
      current: true,
      renewalRequiredBy: '2027-06-30T21:59:59.999Z',
      holdersFlagged: 1,
    });
    expect(await w.deps.referentials.current()).toBe('1.5.0');
    expect((await w.deps.referentials.get('1.5.0'))!.matrix).toEqual((await w.deps.referentials.get('1.4.2'))!.matrix);
    expect((await w.deps.certificates.get(w.number))!.renewalRequiredBy).toBe('2027-06-30T21:59:59.999Z');
  });

  it('stores nothing from a bad sheet or an unknown matrix', async () => {
    const w = await certifiedBySilence(102);
    await expect(
      importReferential(
        w.deps,
        callers.admin,
        { version: '1.6.0', format: 'csv', content: '' },
        sheets([header, ['', '', 'X', '', '', '', '', '']]),
      ),
    ).rejects.toThrow(BadRequestError);
    await expect(
      importReferential(
        w.deps,
        callers.admin,
        { version: '1.6.0', format: 'csv', content: '', matrixFrom: '9.9.9' },
        sheets(rows),
      ),
    ).rejects.toThrow(BadRequestError);
    expect(await w.deps.referentials.get('1.6.0')).toBeNull();
    expect(await w.deps.referentials.current()).toBe('1.4.2');
  });
});
