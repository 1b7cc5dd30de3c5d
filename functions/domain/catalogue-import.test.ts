import { PROFILE_SETS } from '../../test/support/journeys';
import { describe, expect, it } from 'vitest';
import { applicableSections } from './catalogue';
import { catalogueFromRows } from './catalogue-import';
import { BadRequestError } from './errors';
import { CATALOGUE_1_4_2 } from './referentials/v1-4-2';

const header = [
  'Section_ID',
  'Section title',
  'requirement_id',
  'Title',
  'description',
  'profiles',
  'sensitive',
  'expected_evidence',
];

describe('catalogue import', () => {
  it('reads rows into sections and requirements', () => {
    const catalogue = catalogueFromRows('1.5.0', [
      header,
      ['ins', 'INS', 'INS-01', 'Traits', 'd', 'general', 'non', 'captures'],
      ['ins', '', 'INS-02', 'INSi', 'd', 'identity_referential; identity_consumer', 'non', 'traces'],
      ['', '', '', '', '', '', '', ''],
      ['pen', 'Intrusion', 'PEN-01', 'Rapport', 'd', 'general', 'oui', 'rapport'],
    ]);
    expect(catalogue.sections).toEqual([
      { id: 'ins', title: 'INS' },
      { id: 'pen', title: 'Intrusion' },
    ]);
    expect(catalogue.requirements.map((r) => [r.id, r.profiles, r.sensitive])).toEqual([
      ['INS-01', ['general'], false],
      ['INS-02', ['identity_referential', 'identity_consumer'], false],
      ['PEN-01', ['general'], true],
    ]);
  });

  it('refuses a malformed spreadsheet, naming each bad line, and imports nothing', () => {
    const attempt = () =>
      catalogueFromRows('1.5.0', [
        header,
        ['ins', 'INS', 'INS-01', 'Traits', 'd', 'general', 'non', ''],
        ['ins', 'INS', 'INS-01', 'Encore', 'd', 'general', 'non', ''],
        ['ins', 'INS', 'INS-03', '', 'd', 'astrology', 'peut-être', ''],
      ]);
    expect(attempt).toThrow(BadRequestError);
    try {
      attempt();
    } catch (error) {
      const paths = (error as BadRequestError).errors!.map((e) => `${e.path}: ${e.message}`);
      expect(paths).toEqual([
        'line 3: requirement_id INS-01 appears twice',
        'line 4: title is empty',
        'line 4: unknown profiles: astrology',
        'line 4: sensitive must be oui or non, not "peut-être"',
      ]);
    }
    expect(() => catalogueFromRows('1.5.0', [['section_id', 'title']])).toThrow(/missing columns/);
  });
});

describe('shipped catalogue 1.4.2', () => {
  it('covers every domain of the guide, with a sensitive penetration test', () => {
    const ids = CATALOGUE_1_4_2.sections.map((s) => s.id);
    for (const domain of [
      'ins',
      'psc',
      'annuaire',
      'securite',
      'administration',
      'dmp',
      'mss',
      'eprescription',
      'hds',
      'intrusion',
    ]) {
      expect(ids).toContain(domain);
    }
    expect(CATALOGUE_1_4_2.requirements.filter((r) => r.sensitive).map((r) => r.section)).toEqual([
      'intrusion',
      'intrusion',
    ]);
  });

  it('makes different requirements applicable to different profile sets', () => {
    const company = applicableSections(CATALOGUE_1_4_2, ['general', 'identity_referential', 'hds_third_party']);
    const practice = applicableSections(CATALOGUE_1_4_2, [...PROFILE_SETS.practice.profiles]);
    const ids = (sections: typeof company) => sections.flatMap((s) => s.requirements.map((r) => r.id));
    expect(ids(company)).not.toContain('EPR-01');
    expect(ids(practice)).toEqual(expect.arrayContaining(['EPR-01', 'INS-05', 'PSC-02', 'HDS-02']));
    expect(ids(practice)).not.toContain('HDS-01');
  });
});
