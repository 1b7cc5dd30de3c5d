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

/**
 * Above this size the portal sends a file in parts (S3 multipart upload, each part presigned with
 * its own SHA-256): a cut connection costs one part, never the whole file, and a reload resumes.
 */
export const MULTIPART_THRESHOLD_BYTES = 16 * 1024 * 1024;
/** Every part but the last has exactly this size (S3 wants at least 5 MiB, the last part excepted). */
export const MULTIPART_PART_BYTES = 8 * 1024 * 1024;
/** How many parts a file of this size is sent in. */
export const partCount = (size: number) => Math.ceil(size / MULTIPART_PART_BYTES);
/** The size of part `partNumber` (1-based) of a file of `size` bytes. */
export const partSize = (size: number, partNumber: number) =>
  Math.min(MULTIPART_PART_BYTES, size - (partNumber - 1) * MULTIPART_PART_BYTES);

/** A message carries a few files: a document a person wants read, not a deposit of evidence. */
export const MAX_MESSAGE_ATTACHMENTS = 5;
