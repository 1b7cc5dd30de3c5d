import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../adapters/spreadsheet/xlsx';
import { contentMismatch } from './file-content';

// a 1×1 transparent PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

describe('a file is the kind of document it is declared to be', () => {
  it('accepts a PDF, a PNG, a JPEG and an XLSX declared as such', async () => {
    expect(await contentMismatch('application/pdf', PDF)).toBeNull();
    expect(await contentMismatch('image/png', PNG)).toBeNull();
    expect(await contentMismatch('image/jpeg', JPEG)).toBeNull();
    const xlsx = writeXlsx('S', ['a'], [['1']]);
    expect(await contentMismatch('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', xlsx)).toBeNull();
    // an OOXML workbook is a ZIP archive too
    expect(await contentMismatch('application/zip', xlsx)).toBeNull();
  });

  it('refuses a text file or a PNG declared as a PDF, with a reason in French', async () => {
    expect(await contentMismatch('application/pdf', Buffer.from('just some notes\n'))).toBe(
      'le contenu du fichier n’est pas un PDF : sa signature n’est pas reconnue',
    );
    expect(await contentMismatch('application/pdf', PNG)).toBe('le fichier déclaré comme un PDF est une image PNG');
    expect(await contentMismatch('image/png', PDF)).toBe('le fichier déclaré comme une image PNG est un PDF');
    expect(await contentMismatch('application/pdf', Buffer.alloc(0))).toBe('le fichier est vide');
  });

  it('takes text as text: UTF-8 without binary bytes, even cut in the middle of a character', async () => {
    expect(await contentMismatch('text/csv', Buffer.from('nom;ville\nÉlodie;Brest\n'))).toBeNull();
    const cut = Buffer.from('café'); // the sample may end inside the é
    expect(await contentMismatch('text/plain', cut.subarray(0, cut.length - 1))).toBeNull();
    expect(await contentMismatch('text/plain', Buffer.from([0x61, 0x00, 0x62]))).toMatch(/n’est pas un texte lisible/);
    expect(await contentMismatch('text/plain', Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toMatch(/UTF-8/);
    expect(await contentMismatch('text/csv', PDF)).toBe('le fichier déclaré comme un fichier CSV est un PDF');
  });

  it('refuses a program whatever it is declared as', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
    expect(await contentMismatch('application/zip', elf)).toMatch(/^le fichier déclaré comme une archive ZIP est /);
  });
});
