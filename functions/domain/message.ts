import { randomUUID } from 'node:crypto';

/** The internal messaging between the candidate and ANS on a dossier. */
export interface Message {
  id: string;
  dossierId: string;
  from: { side: 'candidate' | 'ans'; sub: string; role: string };
  body: string;
  at: string;
}

export const newMessage = (
  dossierId: string,
  from: Message['from'],
  body: string,
  instant: Date,
  id: string = randomUUID(),
): Message => ({ id, dossierId, from, body, at: instant.toISOString() });
