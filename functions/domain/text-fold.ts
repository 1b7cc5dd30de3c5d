/**
 * A text as a comparison sees it: without accents or ligature forms, in lower case, its spaces
 * folded — « TéléSanté  Plus » and « telesante plus » are the same search. One function for the
 * referential's headers and every search of the portal. The product key (dossier.ts
 * `productKeyOf`) keeps its own folding on purpose: keys already stored must be released by the
 * same function that took them.
 */
export const foldText = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();
