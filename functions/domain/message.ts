import { randomUUID } from 'node:crypto';
import type { Clock } from './clock';

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
  clock: Clock,
  id: string = randomUUID(),
): Message => ({ id, dossierId, from, body, at: clock.now().toISOString() });
