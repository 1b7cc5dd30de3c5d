import { fr } from 'zod/locales';
import type * as z from 'zod';
import { problemTexts } from './problem-texts';
import type { HttpEvent } from './types';

/**
 * The language of problem documents (API.md « Local clock and language »): French, unless the
 * client's `Accept-Language` prefers English. Texts come from `problem-texts.json`; zod's own
 * messages from its French locale.
 */
export type Language = 'fr' | 'en';

/** `Accept-Language` → the first of fr / en the client accepts, by quality; French by default. */
export const languageOf = (event: Pick<HttpEvent, 'headers'> | undefined): Language => {
  const header = Object.entries(event?.headers ?? {}).find(([k]) => k.toLowerCase() === 'accept-language')?.[1];
  if (!header) return 'fr';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag!.split('-')[0]!, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0 && (r.lang === 'fr' || r.lang === 'en' || r.lang === '*'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'en' ? 'en' : 'fr';
};

interface CompiledText {
  code: string;
  pattern: RegExp;
  fr: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each English text as an anchored pattern, the most specific (longest literal) first; compiled
 * at the first refusal, not at every cold start. */
let compiled: CompiledText[] | undefined;
const compile = (): CompiledText[] =>
  problemTexts()
    .map(([code, en, fr]) => ({
      code,
      pattern: new RegExp(
        `^${en
          .split(/\{\d+\}/)
          .map(escape)
          .join('(.+?)')}$`,
        's',
      ),
      fr,
      literal: en.replace(/\{\d+\}/g, '').length,
    }))
    .sort((a, b) => b.literal - a.literal)
    .map(({ code, pattern, fr }) => ({ code, pattern, fr }));

/** The entry an English text is, with what its placeholders hold. */
const lookUp = (english: string) => {
  for (const text of (compiled ??= compile())) {
    const match = text.pattern.exec(english);
    if (match) return { text, values: match.slice(1) };
  }
  return undefined;
};

/**
 * A refusal's `code` and its text in `language`. What a placeholder holds is itself translated
 * when it is a known text (a command's refusal inside « … (the dossier is …) »). A text with no
 * entry (a new one the catalogue test has not seen) keeps its English and the class's code.
 */
export const localize = (english: string, language: Language, fallbackCode: string): { code: string; text: string } => {
  const found = lookUp(english);
  if (!found) return { code: fallbackCode, text: english };
  if (language === 'en') return { code: found.text.code, text: english };
  const text = found.text.fr.replace(/\{(\d+)\}/g, (_, n: string) => {
    const value = found.values[Number(n) - 1] ?? '';
    return lookUp(value) ? localize(value, 'fr', '').text : value;
  });
  return { code: found.text.code, text };
};

export const isKnownText = (english: string) => lookUp(english) !== undefined;

const frenchZod = fr().localeError;

/** zod's issue in French, by its own locale (the input is kept for it: `reportInput`). */
export const zodMessageFr = (issue: z.core.$ZodIssue) => {
  const message = frenchZod(issue as never);
  return typeof message === 'string' ? message : (message?.message ?? issue.message);
};

/** zod's issue codes, kebab-case: `too_small` → `too-small`. */
export const zodCode = (code: string) => code.replace(/_/g, '-');
