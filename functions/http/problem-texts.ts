import { readFileSync } from 'node:fs';

/**
 * The problem documents' texts (API.md « Local clock and language »): each refusal the code throws,
 * in English as written at the throw site, with its stable `code` and its French text. The English
 * text is the key, as gettext's msgid: `{1}`, `{2}`… stand for what the site puts in it, and the
 * French text places them. `problem-texts.test.ts` reads every throw site and fails on a message
 * with no entry, so a new refusal cannot ship untranslated.
 *
 * The catalogue is data, `problem-texts.json` beside this module — and beside each Lambda bundle's
 * `index.mjs` (the function construct copies it there): some 230 entries, 32 KB that a function
 * answering 2xx never parses. It is read at the first refusal, once per process.
 */
export type ProblemText = readonly [code: string, en: string, fr: string];

let catalogue: readonly ProblemText[] | undefined;

export const problemTexts = (): readonly ProblemText[] =>
  (catalogue ??= JSON.parse(readFileSync(new URL('./problem-texts.json', import.meta.url), 'utf8')) as ProblemText[]);
