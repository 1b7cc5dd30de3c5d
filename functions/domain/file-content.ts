import { fileTypeFromBuffer } from 'file-type';

/**
 * What a file's first bytes say it is (magic numbers, read by `file-type`), against the type the
 * candidate declared. Size and SHA-256 prove the bytes are those announced; only this proves they
 * are the kind of document announced — a text file named `.pdf` is not a PDF.
 */

/** How many leading bytes are read (a ranged GET): enough for every signature below, OOXML's included. */
export const CONTENT_SAMPLE_BYTES = 64 * 1024;

const ZIP_FAMILY = [
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];
/** Office 97–2003 files are OLE compound files: their signature does not say which application. */
const COMPOUND_FILE = [
  'application/x-cfb',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
];
const TEXT = ['text/plain', 'text/csv'];

/** Which detected types each declared type accepts (an OOXML or ODF document is a ZIP archive too). */
const ACCEPTED: Record<string, readonly string[]> = {
  'application/pdf': ['application/pdf'],
  'image/png': ['image/png'],
  'image/jpeg': ['image/jpeg'],
  'image/webp': ['image/webp'],
  'application/msword': COMPOUND_FILE,
  'application/vnd.ms-excel': COMPOUND_FILE,
  'application/vnd.ms-powerpoint': COMPOUND_FILE,
  'application/zip': ZIP_FAMILY,
  'application/x-7z-compressed': ['application/x-7z-compressed'],
  'video/mp4': ['video/mp4', 'video/x-m4v', 'video/quicktime'],
  'video/quicktime': ['video/quicktime', 'video/mp4'],
  'video/webm': ['video/webm', 'video/x-matroska'],
  ...Object.fromEntries(ZIP_FAMILY.slice(1).map((type) => [type, [type, 'application/zip']])),
};

/** The names people know the types by, for the reason shown to them (in French). */
const LABELS: Record<string, string> = {
  'application/pdf': 'un PDF',
  'image/png': 'une image PNG',
  'image/jpeg': 'une image JPEG',
  'image/webp': 'une image WebP',
  'image/gif': 'une image GIF',
  'text/plain': 'un texte',
  'text/csv': 'un fichier CSV',
  'application/zip': 'une archive ZIP',
  'application/x-7z-compressed': 'une archive 7z',
  'application/x-cfb': 'un document Office 97-2003',
  'application/msword': 'un document Word',
  'application/vnd.ms-excel': 'un classeur Excel',
  'application/vnd.ms-powerpoint': 'une présentation PowerPoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'un document Word (DOCX)',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'un classeur Excel (XLSX)',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'une présentation PowerPoint (PPTX)',
  'application/vnd.oasis.opendocument.text': 'un texte OpenDocument (ODT)',
  'application/vnd.oasis.opendocument.spreadsheet': 'un classeur OpenDocument (ODS)',
  'video/mp4': 'une vidéo MP4',
  'video/quicktime': 'une vidéo QuickTime',
  'video/webm': 'une vidéo WebM',
  'application/x-msdownload': 'un programme Windows',
  'application/x-elf': 'un programme',
};
const label = (type: string) => LABELS[type] ?? `un fichier de type ${type}`;

/** Text: valid UTF-8 (a cut at the sample's end aside) and no NUL or other binary control byte. */
const looksLikeText = (sample: Uint8Array) => {
  for (const byte of sample) if (byte === 0 || (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d].includes(byte))) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCompleteChar(sample)));
    return true;
  } catch {
    return false;
  }
};

/** Where the sample's last complete UTF-8 character ends (a ranged read may cut one in two). */
const lastCompleteChar = (sample: Uint8Array) => {
  const end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? end - back : end;
  }
  return end;
};

/**
 * Why the content does not match the declared type, in French (shown to the candidate as the
 * upload's reason), or null when it matches. `sample` is the file's first bytes.
 */
export const contentMismatch = async (declared: string, sample: Uint8Array): Promise<string | null> => {
  if (sample.length === 0) return 'le fichier est vide';
  const detected = (await fileTypeFromBuffer(sample))?.mime;
  if (TEXT.includes(declared)) {
    if (detected) return `le fichier déclaré comme ${label(declared)} est ${label(detected)}`;
    return looksLikeText(sample) ? null : `le contenu du fichier n’est pas ${label(declared)} lisible (UTF-8)`;
  }
  const accepted = ACCEPTED[declared] ?? [declared];
  if (detected && accepted.includes(detected)) return null;
  if (!detected) return `le contenu du fichier n’est pas ${label(declared)} : sa signature n’est pas reconnue`;
  return `le fichier déclaré comme ${label(declared)} est ${label(detected)}`;
};
