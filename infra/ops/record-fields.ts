import path from 'node:path';
import ts from 'typescript';

/**
 * Every leaf field of the stored records, read from their TypeScript declarations (the compiler's
 * own view of the types, unions and optional fields included): `Record.path`, `[]` for an array's
 * items, `{}` for a map's values. What the personal-data inventory is checked against.
 */
export const recordFields = (root: string, records: Record<string, string>): string[] => {
  const files = [...new Set(Object.values(records))].map((f) => path.join(root, f));
  const program = ts.createProgram(files, {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const out: string[] = [];
  const walk = (type: ts.Type, at: string, depth: number): void => {
    const t = checker.getNonNullableType(type);
    if (depth > 8) return void out.push(at);
    if (checker.isArrayType(t)) return walk(checker.getTypeArguments(t as ts.TypeReference)[0]!, `${at}[]`, depth + 1);
    if (t.isUnion()) {
      const objects = t.types.filter((x) => x.flags & ts.TypeFlags.Object);
      if (objects.length === 1) return walk(objects[0]!, at, depth);
    }
    const properties = t.getProperties();
    if (!(t.flags & ts.TypeFlags.Object) || properties.length === 0) return void out.push(at);
    if (t.getStringIndexType()) return void out.push(at);
    for (const p of properties) walk(checker.getTypeOfSymbol(p), `${at}.${p.name}`, depth + 1);
  };
  for (const source of program.getSourceFiles()) {
    if (!files.includes(source.fileName)) continue;
    ts.forEachChild(source, (node) => {
      if ((ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name.text in records)
        walk(checker.getTypeAtLocation(node.name), node.name.text, 0);
    });
  }
  return out;
};
