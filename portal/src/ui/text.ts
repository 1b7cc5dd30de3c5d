/** A textarea's lines as a list (one non-conformity, reason or missing item per line). */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
