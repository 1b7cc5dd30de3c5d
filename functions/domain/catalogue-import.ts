import { foldText } from './text-fold';
import { BadRequestError, type FieldError } from './errors';
import type { Catalogue, Requirement } from './catalogue';
import { PROFILE_CODES, type ProfileCode } from './schemas';

/**
 * Reads the official requirement spreadsheet (one row per requirement) into a catalogue.
 * Columns, by header name (case and accents ignored), in any order:
 *   section_id · section_title · requirement_id · title · description · profiles · sensitive · expected_evidence
 * `profiles`: profile codes separated by commas, semicolons or spaces; `sensitive`: oui/non,
 * true/false, 1/0. Every malformed row is refused with its line number (the header is line 1).
 */
export const IMPORT_COLUMNS = [
  'section_id',
  'section_title',
  'requirement_id',
  'title',
  'description',
  'profiles',
  'sensitive',
  'expected_evidence',
] as const;

const normaliseHeader = (h: string) => foldText(h).replace(/[\s-]+/g, '_');

const YES = new Set(['oui', 'yes', 'true', '1', 'o', 'x']);
const NO = new Set(['non', 'no', 'false', '0', 'n', '']);

export const catalogueFromRows = (version: string, rows: string[][]): Catalogue => {
  const [header, ...body] = rows;
  if (!header) throw new BadRequestError('the spreadsheet is empty');
  const index = new Map(header.map((h, i) => [normaliseHeader(h), i]));
  const missing = IMPORT_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    throw new BadRequestError(
      `line 1: missing columns ${missing.join(', ')}`,
      missing.map((c) => ({ path: 'line 1', message: `missing column ${c}` })),
    );
  }
  const cell = (row: string[], column: (typeof IMPORT_COLUMNS)[number]) => (row[index.get(column)!] ?? '').trim();
  const errors: FieldError[] = [];
  const sections = new Map<string, string>();
  const requirements: Requirement[] = [];
  const seen = new Set<string>();
  body.forEach((row, i) => {
    const line = `line ${i + 2}`;
    if (row.every((c) => !c?.trim())) return; // blank line
    const problems: string[] = [];
    const sectionId = cell(row, 'section_id');
    const id = cell(row, 'requirement_id');
    const title = cell(row, 'title');
    if (!/^[a-z0-9_-]{1,40}$/i.test(sectionId)) problems.push('section_id must be 1–40 letters, digits, - or _');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(id)) problems.push('requirement_id must be 1–64 letters, digits, ., - or _');
    else if (seen.has(id)) problems.push(`requirement_id ${id} appears twice`);
    if (!title) problems.push('title is empty');
    const profiles = cell(row, 'profiles')
      .split(/[\s,;]+/)
      .filter(Boolean);
    const unknown = profiles.filter((p) => !(PROFILE_CODES as readonly string[]).includes(p));
    if (profiles.length === 0) problems.push('profiles is empty');
    if (unknown.length) problems.push(`unknown profiles: ${unknown.join(', ')}`);
    const sensitiveCell = cell(row, 'sensitive').toLowerCase();
    if (!YES.has(sensitiveCell) && !NO.has(sensitiveCell))
      problems.push(`sensitive must be oui or non, not "${sensitiveCell}"`);
    const sectionTitle = cell(row, 'section_title');
    if (sections.has(sectionId) && sectionTitle && sections.get(sectionId) !== sectionTitle) {
      problems.push(`section ${sectionId} already has the title "${sections.get(sectionId)}"`);
    }
    if (!sections.has(sectionId) && !sectionTitle) problems.push('section_title is empty');
    if (problems.length) {
      errors.push(...problems.map((message) => ({ path: line, message })));
      return;
    }
    seen.add(id);
    if (!sections.has(sectionId)) sections.set(sectionId, sectionTitle);
    requirements.push({
      id,
      section: sectionId,
      title,
      description: cell(row, 'description'),
      profiles: profiles as ProfileCode[],
      sensitive: YES.has(sensitiveCell),
      expectedEvidence: cell(row, 'expected_evidence'),
    });
  });
  if (errors.length)
    throw new BadRequestError(`the spreadsheet has ${errors.length} error(s); nothing was imported`, errors);
  if (requirements.length === 0) throw new BadRequestError('the spreadsheet has no requirement');
  return { version, sections: [...sections].map(([id, title]) => ({ id, title })), requirements };
};
