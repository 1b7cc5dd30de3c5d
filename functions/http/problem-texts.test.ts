import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BadRequestError, ConflictError, PROBLEM_TYPES } from '../domain/errors';
import * as errors from '../domain/errors';
import { problemResponse } from './problem';
import { isKnownText, languageOf, localize } from './problem-language';
import { problemTexts } from './problem-texts';

const ROOT = path.resolve(__dirname, '..');
const ERROR_CLASSES = new Set(
  Object.entries(errors)
    .filter(([name, value]) => typeof value === 'function' && name.endsWith('Error') && name !== 'DomainError')
    .map(([name]) => name),
);

/** Every text a refusal is written with: a thrown error's message, a field error's message (each branch of a choice). */
const thrownTexts = () => {
  const texts: { where: string; text: string }[] = [];
  const sample = (node: ts.Node): string[] => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node))
      return [node.head.text + node.templateSpans.map((s, i) => `«${i + 1}»${s.literal.text}`).join('')];
    if (ts.isConditionalExpression(node)) return [...sample(node.whenTrue), ...sample(node.whenFalse)];
    if (ts.isParenthesizedExpression(node)) return sample(node.expression);
    return []; // a variable: its text is checked where it is written
  };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.test.ts')) scan(file);
    }
  };
  const scan = (file: string) => {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const where = `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && ERROR_CLASSES.has(node.expression.text))
        for (const text of node.arguments?.[0] ? sample(node.arguments[0]) : []) texts.push({ where, text });
      // the line problems a rule gathers before it throws them as field errors (`problems.push(…)`)
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        node.expression.getText(source) === 'problems.push'
      )
        for (const text of node.arguments[0] ? sample(node.arguments[0]) : []) texts.push({ where, text });
      if (ts.isObjectLiteralExpression(node)) {
        const props = node.properties.filter(ts.isPropertyAssignment);
        const names = props.map((p) => p.name.getText(source));
        const message = props.find((p) => p.name.getText(source) === 'message');
        if (names.includes('path') && message && names.length <= 3)
          for (const text of sample(message.initializer)) texts.push({ where, text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  };
  walk(ROOT);
  return texts;
};

describe('the problem documents’ texts (API.md « Local clock and language »)', () => {
  it('has a code and a French text for every refusal the code throws', () => {
    const texts = thrownTexts();
    expect(texts.length).toBeGreaterThan(200);
    // a placeholder stands for what the site puts there: any value must still be recognised
    const missing = texts.filter(({ text }) => !isKnownText(text.replace(/«\d+»/g, 'X')));
    expect(missing).toEqual([]);
  });

  it('keeps codes stable and kebab-case, one French text per English one', () => {
    for (const [code, en, fr] of problemTexts()) {
      expect(code).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(fr).not.toBe(en);
      // the French text places exactly the English one's placeholders
      expect([...fr.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort()).toEqual(
        [...en.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort(),
      );
    }
    expect(new Set(problemTexts().map(([, en]) => en)).size).toBe(problemTexts().length);
    for (const Class of [BadRequestError, ConflictError]) expect(PROBLEM_TYPES).toContain(new Class('x').type);
  });

  it('translates a refusal with its values, and a refusal quoted inside another', () => {
    expect(
      localize(
        'the time to answer ended on 2027-02-01T22:59:59.999Z: the candidature is deemed abandoned',
        'fr',
        'conflict',
      ),
    ).toEqual({
      code: 'info-request-lapsed',
      text: 'le délai de réponse a pris fin le 2027-02-01T22:59:59.999Z : la candidature est réputée abandonnée',
    });
    expect(localize('only a draft can be submitted (the dossier is instruction)', 'fr', 'conflict')).toEqual({
      code: 'dossier-state',
      text: 'seul un brouillon peut être déposé (le dossier est au statut instruction)',
    });
    // the most specific text wins over a shorter one that would also match
    expect(
      localize(
        'the exceptional certificate regime ended on 2024-12-31: a regular certificate needs every applicable proof compliant',
        'fr',
        'x',
      ).code,
    ).toBe('exceptional-regime-ended-regular');
    expect(localize('something nobody wrote', 'fr', 'conflict')).toEqual({
      code: 'conflict',
      text: 'something nobody wrote',
    });
  });

  it('answers in French unless Accept-Language prefers English', () => {
    expect(languageOf({ headers: {} })).toBe('fr');
    expect(languageOf({ headers: { 'accept-language': 'en-GB,en;q=0.9' } })).toBe('en');
    expect(languageOf({ headers: { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' } })).toBe('fr');
    expect(languageOf({ headers: { 'accept-language': 'de, en;q=0.5' } })).toBe('en');
    expect(languageOf({ headers: { 'accept-language': 'en;q=0' } })).toBe('fr');
    const refusal = new BadRequestError('the body does not match the expected schema', [
      { path: 'product.name', code: 'too-small', message: 'Too small', messageFr: 'Trop petit' },
      { path: 'siret', message: 'exactly one of siret or vatNumber is required' },
    ]);
    const fr = JSON.parse(problemResponse(refusal, '/v1/x', 'fr').body!);
    expect(fr).toMatchObject({
      code: 'schema-mismatch',
      title: 'La requête est mal formée',
      detail: 'le corps ne correspond pas au schéma attendu',
      errors: [
        { path: 'product.name', code: 'too-small', message: 'Trop petit' },
        { path: 'siret', code: 'siret-or-vat', message: 'indiquez soit le SIRET, soit le numéro de TVA, pas les deux' },
      ],
    });
    const en = problemResponse(refusal, '/v1/x', 'en');
    expect(JSON.parse(en.body!)).toMatchObject({
      code: 'schema-mismatch',
      detail: 'the body does not match the expected schema',
    });
    expect(en.headers).toMatchObject({ 'content-language': 'en', vary: 'Accept-Language' });
  });
});
