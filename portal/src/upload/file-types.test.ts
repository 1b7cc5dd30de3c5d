import { describe, expect, it } from 'vitest';
import { ALLOWED_CONTENT_TYPES } from '../../../functions/domain/upload-rules';
import { ACCEPT, FILE_RULES, FILE_TYPE_EXTENSIONS } from './file-types';

describe('the accepted file types, as the portal lists them', () => {
  it('names every type the service accepts, and only those', () => {
    expect(Object.keys(FILE_TYPE_EXTENSIONS).sort()).toEqual([...ALLOWED_CONTENT_TYPES].sort());
    for (const type of ALLOWED_CONTENT_TYPES) expect(ACCEPT.split(',')).toContain(type);
    expect(FILE_RULES).toMatch(/^Formats acceptés : pdf, png, jpg, .*mov\. Taille maximale : 200 Mo par fichier\.$/);
  });
});
