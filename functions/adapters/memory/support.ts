import type { Page } from '../../domain/ports';

/** What the in-memory adapters share: copies (nothing leaks by reference, as from a store) and pages. */
export const clone = <T>(value: T): T => structuredClone(value);

export const page = <T>(all: T[], limit: number, cursor?: string): Page<T> => {
  const start = cursor ? Number(cursor) : 0;
  const items = all.slice(start, start + limit);
  return { items, ...(start + limit < all.length ? { nextCursor: String(start + limit) } : {}) };
};
