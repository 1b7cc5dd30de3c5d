import { ALLOWED_CONTENT_TYPES, MAX_UPLOAD_BYTES } from '../../../functions/domain/upload-rules';

/** The extension a person knows each accepted type by (the service's list, domain/upload.ts). */
export const FILE_TYPE_EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/webp': '.webp',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.ms-powerpoint': '.ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
  'application/zip': '.zip',
  'application/x-7z-compressed': '.7z',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
};

const extensions = ALLOWED_CONTENT_TYPES.map((type) => FILE_TYPE_EXTENSIONS[type] ?? type);

/** The file input's `accept`: the types and their extensions (a picker filters on either). */
export const ACCEPT = [...ALLOWED_CONTENT_TYPES, ...extensions, '.jpeg'].join(',');

/** « Formats acceptés : pdf, png… — 200 Mo au plus par fichier » */
export const FILE_RULES = `Formats acceptés : ${extensions.map((e) => e.slice(1)).join(', ')}. Taille maximale : ${MAX_UPLOAD_BYTES / 1024 / 1024} Mo par fichier.`;
