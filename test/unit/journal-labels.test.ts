import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every journal event the service records (`type: '…'` in functions/), so none reaches a page as a code. */
const eventTypes = () => {
  const root = path.resolve(__dirname, '../../functions');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(file);
    }
  };
  walk(root);
  const types = new Set<string>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    // event drafts: `{ type: 'x', actor …` and the conditional `type: cond ? 'a' : 'b'`
    for (const m of source.matchAll(/type:\s*(?:[\w.]+\s*\?\s*)?'([a-z_]+)'(?:\s*:\s*'([a-z_]+)')?,\s*\n?\s*actor/g)) {
      types.add(m[1]!);
      if (m[2]) types.add(m[2]);
    }
  }
  for (const act of ['suspended', 'reinstated', 'withdrawn']) types.add(`certificate_${act}`);
  return [...types].sort();
};

/** The portal's labels, read from its source (the portal is typed for the browser, not for Node). */
const labelled = () => {
  const source = readFileSync(path.resolve(__dirname, '../../portal/src/ui/labels.ts'), 'utf8');
  const block = source.slice(source.indexOf('export const JOURNAL_EVENT_LABELS'));
  return new Set([...block.slice(0, block.indexOf('};')).matchAll(/^\s+([a-z_]+):/gm)].map((m) => m[1]!));
};

describe('the journal in French', () => {
  it('labels every event type the service records', () => {
    const types = eventTypes();
    const JOURNAL_EVENT_LABELS = Object.fromEntries([...labelled()].map((k) => [k, true]));
    expect(types.length).toBeGreaterThan(40);
    expect(types.filter((t) => !JOURNAL_EVENT_LABELS[t])).toEqual([]);
  });
});
