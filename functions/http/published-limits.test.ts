import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes';
import { openApiDocument } from './openapi';
import { IF_MATCH_MAX_LENGTH, ifMatchVersion, pathParam } from './request';
import type { HttpEvent } from './types';
import { BadRequestError } from '../domain/errors';

/**
 * The published contract is as strict as the validator, no looser: every string and array of
 * every request body carries its bound in the JSON Schema, and each plain text field's bound is the
 * one the server enforces — a value at the published limit passes, one character more is refused.
 */
type JsonSchema = {
  type?: string;
  maxLength?: number;
  minLength?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};
const published = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** The schema inside optional/nullable wrappers (zod 4 keeps the wrapped one in `def.innerType`). */
const unwrap = (schema: z.ZodType): z.ZodType => {
  let current = schema as unknown as { def: { type: string; innerType?: z.ZodType } };
  while (['optional', 'nullable', 'default'].includes(current.def.type) && current.def.innerType)
    current = current.def.innerType as unknown as typeof current;
  return current as unknown as z.ZodType;
};

/** Every leaf of a body: its path, its published schema and the zod schema that validates it alone. */
const leaves = (
  json: JsonSchema,
  schema: z.ZodType,
  path: string,
): { path: string; json: JsonSchema; zod?: z.ZodType }[] => {
  const inner = unwrap(schema) as unknown as { shape?: Record<string, z.ZodType>; element?: z.ZodType };
  const alternatives = json.anyOf?.filter((a) => a.type !== 'null');
  if (alternatives?.length === 1) return leaves(alternatives[0]!, schema, path);
  if (json.type === 'object' && json.properties)
    return Object.entries(json.properties).flatMap(([key, sub]) =>
      inner.shape?.[key] ? leaves(sub, inner.shape[key], `${path}.${key}`) : [{ path: `${path}.${key}`, json: sub }],
    );
  if (json.type === 'array' && json.items)
    return [{ path, json }, ...(inner.element ? leaves(json.items, inner.element, `${path}[]`) : [])];
  return [{ path, json, zod: unwrap(schema) }];
};

const all = ROUTES.flatMap((route) =>
  route.body ? leaves(published(route.body), route.body, `${route.method} ${route.path}`) : [],
);

describe('published limits', () => {
  it('bound every string and every array of every request body', () => {
    const unbounded = all
      .filter(({ json }) =>
        json.type === 'string'
          ? json.maxLength === undefined && json.enum === undefined && json.const === undefined
          : json.type === 'array' && json.maxItems === undefined,
      )
      .map(({ path }) => path);
    expect(unbounded).toEqual([]);
  });

  // free text: any letters pass (a SIRET, a VAT number or a pattern checks content as well as length)
  const plain = all.filter(
    ({ json, zod }) =>
      zod &&
      json.type === 'string' &&
      json.maxLength !== undefined &&
      !json.pattern &&
      !json.format &&
      !json.enum &&
      zod.safeParse('a'.repeat(Math.max(1, json.minLength ?? 1))).success,
  );
  it('checks enough fields to mean something', () => expect(plain.length).toBeGreaterThanOrEqual(40));

  it.each(plain.map((leaf) => [leaf.path, leaf] as const))('%s: the published limit is the enforced one', (_, leaf) => {
    const max = leaf.json.maxLength!;
    expect(leaf.zod!.safeParse('a'.repeat(max)).success).toBe(true);
    expect(leaf.zod!.safeParse('a'.repeat(max + 1)).success).toBe(false);
    if (leaf.json.minLength) expect(leaf.zod!.safeParse('a'.repeat(leaf.json.minLength - 1)).success).toBe(false);
  });
});

/** Every published parameter of one kind (path, header…): the operation and name, its name, its schema. */
const publishedParameters = (where: 'path' | 'header') => {
  const document = openApiDocument() as {
    paths: Record<string, Record<string, { parameters?: { name: string; in: string; schema: JsonSchema }[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === where)
        .map((p) => [`${method.toUpperCase()} ${path} ${p.name}`, p.name, p.schema] as const),
    ),
  );
};

describe('published path parameters', () => {
  const parameters = publishedParameters('path');
  const event = (name: string, value: string) => ({ pathParameters: { [name]: value } }) as unknown as HttpEvent;
  // a value of the published form at the published length: a certificate number has one form only
  const atLimit = (name: string, max: number) => (name === 'number' ? 'TLC-2026-000123' : 'a'.repeat(max));

  it('publishes every path parameter of every route', () => expect(parameters.length).toBeGreaterThanOrEqual(70));

  it.each(parameters)('%s: the published pattern and length are the enforced ones', (_, name, schema) => {
    expect(schema.maxLength).toBeDefined();
    expect(schema.pattern).toBeDefined();
    const pattern = new RegExp(schema.pattern!);
    const fits = atLimit(name, schema.maxLength!);
    expect(fits.length).toBe(schema.maxLength);
    expect(pattern.test(fits)).toBe(true);
    expect(pathParam(event(name, fits), name)).toBe(fits);
    for (const refused of [`${fits}0`, '', 'a/b', 'é'.repeat(Math.min(4, schema.maxLength!))]) {
      expect(refused.length <= schema.maxLength! && pattern.test(refused), refused).toBe(false);
      expect(() => pathParam(event(name, refused), name), refused).toThrow(BadRequestError);
    }
  });
});

describe('published headers', () => {
  const headers = publishedParameters('header');
  const event = (value: string) => ({ headers: { 'if-match': value } }) as unknown as HttpEvent;

  it('publishes If-Match where a route reads it', () =>
    expect(headers.map(([, name]) => name)).toEqual(expect.arrayContaining(['If-Match'])));

  it.each(headers)('%s: the published length is the enforced one', (_, name, schema) => {
    expect(name).toBe('If-Match'); // a new header needs its own check here
    expect(schema.maxLength).toBe(IF_MATCH_MAX_LENGTH);
    // a well-formed tag at the limit is read (it matches no version of ours); one character more is refused
    const fits = `"${'a'.repeat(schema.maxLength! - 2)}"`;
    expect(fits.length).toBe(schema.maxLength);
    expect(ifMatchVersion(event(fits))).toEqual({ any: false, versions: [] });
    // one space more: trimmed it would be the same tag, but it is past the limit
    expect(() => ifMatchVersion(event(` ${fits}`))).toThrow(BadRequestError);
  });
});
