import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../domain/errors';
import { readRows } from './read-rows';
import { assertSafeZip } from './zip-guard';

/** A minimal zip (deflate) of the given entries, with sizes as declared (they may lie). */
const zipOf = (entries: { name: string; data: Buffer; declaredSize?: number }[]) => {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const compressed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
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
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Exigences').addRow(['section_id', 'requirement_id']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
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
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Exigences');
    sheet.getCell(6000, 1).value = 'far down';
    await expect(readRows('xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).rejects.toThrow(/rows/);
    const wide = new ExcelJS.Workbook();
    wide.addWorksheet('Exigences').getCell(1, 200).value = 'far right';
    await expect(readRows('xlsx', Buffer.from(await wide.xlsx.writeBuffer()))).rejects.toThrow(/columns/);
  });
});
