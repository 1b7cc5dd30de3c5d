/**
 * What a file must be to be accepted, as data with no dependency: the service checks it
 * (upload.ts) and the portal lists it beside every file input (portal/src/upload/file-types.ts).
 */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** Documents, images, office files, archives and video (demonstrations). */
export const ALLOWED_CONTENT_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
  'text/csv',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'application/x-7z-compressed',
  'video/mp4',
  'video/webm',
  'video/quicktime',
];
