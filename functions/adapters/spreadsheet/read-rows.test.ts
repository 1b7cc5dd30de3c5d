import { describe, expect, it } from 'vitest';
import { readRows } from './read-rows';

const csv = (text: string) => readRows('csv', Buffer.from(text, 'utf8'));

describe('readRows (CSV)', () => {
  it('reads semicolons when the header has more of them than commas, the BOM aside', async () => {
    expect(await csv('\uFEFFID;Libellé, court;Profil\r\nEX-1;Un, deux;P1\r\n')).toEqual([
      ['ID', 'Libellé, court', 'Profil'],
      ['EX-1', 'Un, deux', 'P1'],
    ]);
  });

  it('reads commas, quoted fields with doubled quotes and line breaks, and rows of any length', async () => {
    expect(await csv('id,text\nA,"il dit ""oui""\net part"\nB\n')).toEqual([
      ['id', 'text'],
      ['A', 'il dit "oui"\net part'],
      ['B'],
    ]);
  });

  it('keeps empty lines as rows, so that line numbers in errors match the file', async () => {
    expect(await csv('id;x\n\nA;1')).toEqual([['id', 'x'], [''], ['A', '1']]);
  });

  it('refuses a quoted field that is never closed', async () => {
    await expect(csv('id;text\nA;"sans fin\nB;2\n')).rejects.toMatchObject({
      status: 400,
      message: 'the CSV cannot be read: a quoted field is never closed',
    });
  });
});
