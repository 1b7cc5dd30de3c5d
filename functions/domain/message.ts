import { randomUUID } from 'node:crypto';
import { BusinessRuleError, type FieldError } from './errors';
import type { Upload } from './upload';
import { MAX_MESSAGE_ATTACHMENTS } from './upload-rules';

/** A file sent with a message: what it was when sent (the upload itself stays beside the dossier). */
export interface MessageAttachment {
  uploadId: string;
  fileName: string;
  contentType: string;
  size: number;
  /** base64 of the file's SHA-256, as storage checked it */
  sha256: string;
}

/** The internal messaging between the candidate and ANS on a dossier. */
export interface Message {
  id: string;
  dossierId: string;
  from: { side: 'candidate' | 'ans'; sub: string; role: string };
  body: string;
  at: string;
  attachments?: MessageAttachment[];
}

export { MAX_MESSAGE_ATTACHMENTS };

export const newMessage = (
  dossierId: string,
  from: Message['from'],
  body: string,
  instant: Date,
  id: string = randomUUID(),
  attachments: MessageAttachment[] = [],
): Message => ({
  id,
  dossierId,
  from,
  body,
  at: instant.toISOString(),
  ...(attachments.length ? { attachments } : {}),
});

/**
 * The files a message sends: each one the sender's own upload of this dossier, deposited as an
 * `attachment`, received (its size and SHA-256 checked by storage), and sent with no other message.
 * Answers the message's attachments and the uploads marked with it, or a rule error naming each id
 * refused (`attachments.N`).
 */
export const attachFiles = (
  uploads: readonly Upload[],
  ids: readonly string[],
  sender: string,
  messageId: string,
): { attachments: MessageAttachment[]; uploads: Upload[] } => {
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const upload = uploads.find((u) => u.id === id);
    const path = `attachments.${i}`;
    if (ids.indexOf(id) !== i) errors.push({ path, message: 'this file is named twice' });
    else if (!upload || upload.purpose !== 'attachment' || upload.createdBy !== sender)
      errors.push({ path, message: 'no file of yours deposited as an attachment has this id' });
    else if (upload.status !== 'received')
      errors.push({ path, message: 'this file has not been received yet (or was refused): wait for its check' });
    else if (upload.messageId) errors.push({ path, message: 'this file was already sent with another message' });
  });
  if (errors.length) throw new BusinessRuleError('the attachments cannot be sent', errors);
  const attached = ids.map((id) => ({ ...uploads.find((u) => u.id === id)!, messageId }));
  return {
    attachments: attached.map((u) => ({
      uploadId: u.id,
      fileName: u.fileName,
      contentType: u.contentType,
      size: u.size,
      sha256: u.sha256,
    })),
    uploads: attached,
  };
};
