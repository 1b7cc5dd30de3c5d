import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx/dist/xlsx.mini.min.js';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../domain/errors';
import { readRows } from './read-rows';
import { writeXlsx } from './xlsx';
import { assertSafeZip } from './zip-guard';

const header = (size: number, fields: [number, 2 | 4, number][]) => {
  const buffer = Buffer.alloc(size);
  for (const [at, bytes, value] of fields)
    if (bytes === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value, at);
  return buffer;
};

/** A minimal zip (deflate) of the given entries, with sizes as declared (they may lie). */
const zipOf = (entries: { name: string; data: Buffer; declaredSize?: number }[]) => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const declared = e.declaredSize ?? e.data.length;
    // [offset, bytes, value] of each header field (APPNOTE 4.3.7 and 4.3.12)
    const local = header(30, [
      [0, 4, 0x04034b50],
      [8, 2, 8],
      [18, 4, compressed.length],
      [22, 4, declared],
      [26, 2, name.length],
    ]);
    const central = header(46, [
      [0, 4, 0x02014b50],
      [10, 2, 8],
      [20, 4, compressed.length],
      [24, 4, declared],
      [28, 2, name.length],
      [42, 4, offset],
    ]);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
};

describe('XLSX zip-bomb guard', () => {
  it('accepts a real workbook', async () => {
    const buffer = writeXlsx('Exigences', ['section_id', 'requirement_id'], []);
    expect(() => assertSafeZip(buffer)).not.toThrow();
  });

  it('refuses an entry that inflates beyond the limit, even when its declared size lies', () => {
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024), declaredSize: 10 }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => assertSafeZip(bomb)).toThrow(BadRequestError);
    expect(() => assertSafeZip(bomb)).toThrow(/inflates beyond 20 MB/);
  });

  it('refuses many small entries that add up, and too many entries', () => {
    const parts = Array.from({ length: 25 }, (_, i) => ({ name: `p${i}`, data: Buffer.alloc(1024 * 1024) }));
    expect(() => assertSafeZip(zipOf(parts))).toThrow(/inflates beyond/);
    const many = Array.from({ length: 201 }, (_, i) => ({ name: `p${i}`, data: Buffer.from('x') }));
    expect(() => assertSafeZip(zipOf(many))).toThrow(/201 parts/);
  });

  it('refuses what is not a zip at all', () => {
    expect(() => assertSafeZip(Buffer.from('not a zip'))).toThrow(BadRequestError);
  });

  it('refuses absurd sheet dimensions with 400', async () => {
    const sheetWith = (address: string) => {
      const workbook = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['section_id']]), 'Exigences');
      const sheet = workbook.Sheets.Exigences!;
      sheet[address] = { t: 's', v: 'far away' };
      sheet['!ref'] = `A1:${address}`;
      return Buffer.from(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    };
    await expect(readRows('xlsx', sheetWith('A6000'))).rejects.toThrow(/rows/);
    await expect(readRows('xlsx', sheetWith('GR1'))).rejects.toThrow(/columns/);
  });
});
