/** A textarea's lines as a list (one non-conformity, reason or missing item per line). */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * A text as a search compares it: lower case, without accents or ligature forms, spaces folded —
 * « telesante » finds « TéléSanté » (issue 25: the public search was accent-sensitive).
 */
export const searchable = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether every word of the query is found in the text, accents and case aside. */
export const matchesSearch = (text: string, query: string) => {
  const haystack = searchable(text);
  return searchable(query)
    .split(' ')
    .every((word) => haystack.includes(word));
};
