import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the code (issue 14), checked on every `npm test`: no import cycle among the
 * modules of functions/, infra/, workflows/ and the portal (type-only imports count: a cycle of types is
 * still a knot), and layers that only point down — nothing below functions/http imports from it.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIRS = ['functions', 'infra', 'workflows', 'portal/src'];

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' || name === 'cdk.out' ? [] : sources(full);
    return /\.tsx?$/.test(full) && !/\.test\.tsx?$/.test(full) && !full.endsWith('.d.ts') ? [full] : [];
  });

const files = DIRS.flatMap((d) => sources(path.join(ROOT, d)));
const known = new Set(files);

const resolveImport = (from: string, spec: string) => {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx'), base].find((f) =>
    known.has(f),
  );
};

const graph = new Map<string, string[]>(
  files.map((file) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const targets: string[] = [];
    const visit = (node: ts.Node) => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
        targets.push((node.moduleSpecifier as ts.StringLiteral).text);
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
        targets.push(node.argument.literal.text);
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      )
        targets.push(node.arguments[0].text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    return [file, targets.map((t) => resolveImport(file, t)).filter((t): t is string => t !== undefined)];
  }),
);

/** Strongly connected components with more than one module (Tarjan). */
const cycles = () => {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const strong = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const file of files) if (!indices.has(file)) strong(file);
  return found;
};

describe('architecture', () => {
  it('reads every module', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('has no import cycle in functions/, infra/, workflows/ or the portal', () => {
    expect(cycles()).toEqual([]);
  });

  it('has no upward import: nothing below functions/http imports from it', () => {
    const http = path.join(ROOT, 'functions/http') + path.sep;
    const below = files.filter((f) => f.startsWith(path.join(ROOT, 'functions') + path.sep) && !f.startsWith(http));
    const upward = below.flatMap((f) =>
      (graph.get(f) ?? [])
        .filter((t) => t.startsWith(http))
        .map((t) => `${path.relative(ROOT, f)} → ${path.relative(ROOT, t)}`),
    );
    expect(upward).toEqual([]);
  });

  it('keeps the domain free of adapters, use cases and AWS', () => {
    const domain = files.filter((f) => f.includes(`${path.sep}functions${path.sep}domain${path.sep}`));
    const outward = domain.flatMap((f) =>
      (graph.get(f) ?? [])
        .filter((t) => !t.includes(`${path.sep}functions${path.sep}domain${path.sep}`))
        .map((t) => `${path.relative(ROOT, f)} → ${path.relative(ROOT, t)}`),
    );
    expect(outward).toEqual([]);
    for (const f of domain) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from '@aws-sdk\//);
  });

  it('keeps use cases on ports: no use case imports an adapter', () => {
    const useCases = files.filter((f) => f.includes(`${path.sep}functions${path.sep}use-cases${path.sep}`));
    const adapters = `${path.sep}functions${path.sep}adapters${path.sep}`;
    const direct = useCases.flatMap((f) =>
      (graph.get(f) ?? [])
        .filter((t) => t.includes(adapters))
        .map((t) => `${path.relative(ROOT, f)} → ${path.relative(ROOT, t)}`),
    );
    expect(direct).toEqual([]);
  });

  it('keeps dossier rules in the domain: a use case raises no 409 or 422 of its own but these', () => {
    // each of these is about the platform's state, not a rule of the procedure
    const allowed = new Map([
      ['functions/use-cases/document-ready.ts', 'a document not rendered yet'],
      ['functions/use-cases/evidence.ts', 'a file the malware scan has not cleared'],
      ['functions/use-cases/sensitive-evidence.ts', 'a sensitive file the malware scan has not cleared'],
      ['functions/use-cases/optimistic-retry.ts', 'a write that lost every retry'],
      ['functions/use-cases/grant-certificate.ts', 'the exceptional regime over when the grant is stored'],
    ]);
    const raising = files
      .filter((f) => f.includes(`${path.sep}functions${path.sep}use-cases${path.sep}`))
      .filter((f) => /new (ConflictError|BusinessRuleError)\(/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f));
    expect(raising.filter((f) => !allowed.has(f))).toEqual([]);
  });

  it('gives every use case a test of its own beside it', () => {
    const untested = files
      .filter((f) => f.includes(`${path.sep}functions${path.sep}use-cases${path.sep}`))
      .filter((f) => !existsSync(f.replace(/\.ts$/, '.test.ts')))
      .map((f) => path.relative(ROOT, f));
    expect(untested).toEqual([]);
  });
});
