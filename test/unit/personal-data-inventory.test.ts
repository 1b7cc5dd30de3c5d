import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, NOT_PERSONAL, PERSONAL_FIELDS, STORED_RECORDS } from '../../functions/domain/personal-data';
import { recordFields } from '../../infra/ops/record-fields';
import { INVENTORY_FILE, inventoryMarkdown } from '../../infra/ops/rgpd-inventory';

/** Issue 27: the personal-data inventory cannot drift from the records the code stores. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const fields = recordFields(ROOT, STORED_RECORDS);

describe('the personal-data inventory', () => {
  it('reads every stored record’s fields from its declaration', () => {
    for (const record of Object.keys(STORED_RECORDS))
      expect(
        fields.some((f) => f.startsWith(`${record}.`)),
        record,
      ).toBe(true);
    expect(fields).toContain('Company.legalRepresentative.email');
    expect(fields).toContain('Dossier.convention.signatoryName');
  });

  it('classifies every field, personal or not: a new field fails until it is', () => {
    expect(fields.filter((f) => classify(f) === undefined)).toEqual([]);
  });

  it('names no field that no longer exists, and none twice', () => {
    const stale = [
      ...PERSONAL_FIELDS.map((f) => f.path).filter((p) => !fields.includes(p)),
      ...NOT_PERSONAL.filter((p) =>
        p.endsWith('.*') ? !fields.some((f) => f.startsWith(p.slice(0, -1))) : !fields.includes(p),
      ),
    ];
    expect(stale).toEqual([]);
    const both = PERSONAL_FIELDS.map((f) => f.path).filter((p) =>
      NOT_PERSONAL.some((n) => (n.endsWith('.*') ? p.startsWith(n.slice(0, -1)) : n === p)),
    );
    expect(both).toEqual([]);
  });

  it('would fail on an unclassified field (the check itself)', () => {
    expect(classify('Company.legalRepresentative.birthDate')).toBeUndefined();
    expect(classify('Dossier.deadlines[].kind')).toBe('not_personal');
  });

  it('is what docs/rgpd/inventaire.md says (npm run rgpd:inventory)', async () => {
    expect(await readFile(INVENTORY_FILE, 'utf8')).toBe(inventoryMarkdown());
  });
});
