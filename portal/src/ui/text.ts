import { foldText } from '../../../functions/domain/text-fold';

/** A textarea's lines as a list (one non-conformity, reason or missing item per line). */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A text as a search compares it: lower case, without accents or ligature forms, spaces folded —
 * « telesante » finds « TéléSanté » (issue 25: the public search was accent-sensitive). The same
 * folding as the service's product key (functions/domain/text-fold.ts).
 */
export const searchable = foldText;

/** Whether every word of the query is found in the text, accents and case aside. */
export const matchesSearch = (text: string, query: string) => {
  const haystack = searchable(text);
  return searchable(query)
    .split(' ')
    .every((word) => haystack.includes(word));
};
