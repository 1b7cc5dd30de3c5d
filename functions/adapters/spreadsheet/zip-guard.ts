import { inflateRawSync } from 'node:zlib';
import { BadRequestError } from '../../domain/errors';

/** What an XLSX of the referential may hold once inflated: far above a real catalogue, far below a bomb. */
export const XLSX_LIMITS = { entries: 200, inflatedBytes: 20 * 1024 * 1024 } as const;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Refuses a zip bomb before any spreadsheet library opens the file: walks the central directory
 * and inflates every entry with a hard output limit (declared sizes can lie, the inflater cannot),
 * so the total inflated size and the number of entries stay bounded. 400 otherwise.
 */
export const assertSafeZip = (zip: Buffer, limits: { entries: number; inflatedBytes: number } = XLSX_LIMITS) => {
  const refuse = (why: string): never => {
    throw new BadRequestError(`the XLSX workbook is refused: ${why}`);
  };
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('it is not a zip archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (entries > limits.entries) refuse(`${entries} parts (at most ${limits.entries})`);
  if (entries === 0xffff || offset === 0xffffffff) refuse('ZIP64 archives are not accepted');
  let budget = limits.inflatedBytes;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL) refuse('its directory is damaged');
    const method = zip.readUInt16LE(offset + 10);
    const compressed = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) refuse('an entry is damaged');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + compressed);
    if (data.length !== compressed) refuse('an entry is truncated');
    let size = 0;
    if (method === 0) size = compressed;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(budget, 1) }).length;
      } catch {
        refuse(`it inflates beyond ${limits.inflatedBytes / 1024 / 1024} MB or is damaged`);
      }
    } else refuse(`compression method ${method} is not accepted`);
    budget -= size;
    if (budget < 0) refuse(`it inflates beyond ${limits.inflatedBytes / 1024 / 1024} MB`);
    offset += 46 + nameLength + extraLength + commentLength;
  }
};
