import { describe, expect, it } from 'vitest';
import { messageSchema, personSchema } from './schemas';

/** Text that reaches mails, PDFs, logs and other people's screens (issue 23): no control characters. */
describe('free text', () => {
  const person = { firstName: 'Camille', lastName: 'Martin', email: 'c@example.fr', phone: '+33 1 23 45 67 89' };
  it.each([
    ['NUL', 'Bon\u0000jour'],
    ['ESC (an ANSI sequence)', '\u001b[31mrouge'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', (_, body) => {
    expect(messageSchema.safeParse({ body }).success).toBe(false);
    expect(personSchema.safeParse({ ...person, lastName: body }).success).toBe(false);
  });

  it('keeps line breaks and tabs in a message, and accents everywhere', () => {
    expect(messageSchema.safeParse({ body: 'Ligne 1\nLigne 2\r\n\tÉtape' }).success).toBe(true);
    expect(personSchema.safeParse({ ...person, lastName: 'Hervé-Lefèvre' }).success).toBe(true);
  });
});
