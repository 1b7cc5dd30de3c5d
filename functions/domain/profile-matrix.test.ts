import { describe, expect, it } from 'vitest';
import { matrixFor, profileErrors } from './profile-matrix';
import type { ProfileCode, UseCase } from './schemas';

const m = matrixFor('1.4.2');
const messages = (useCase: UseCase, profiles: ProfileCode[]) =>
  profileErrors(useCase, profiles, m).map((e) => e.message);

describe('profile matrix 1.4.2', () => {
  it.each<[UseCase, ProfileCode[]]>([
    ['teleconsultation_company', ['general', 'identity_referential', 'hds_third_party']],
    [
      'teleconsultation_company',
      [
        'general',
        'identity_referential',
        'hds_self_hosted',
        'ciba',
        'e_prescription',
        'identity_consumer',
        'identity_referential_insi_card',
      ],
    ],
    ['health_facility', ['general', 'identity_consumer', 'identity_referential_insi_card', 'hds_third_party']],
    [
      'health_facility',
      [
        'general',
        'identity_consumer',
        'identity_referential_insi_card',
        'hds_third_party',
        'identity_referential',
        'ciba',
        'e_prescription',
      ],
    ],
    [
      'city_practice',
      ['general', 'identity_referential', 'e_prescription', 'identity_referential_insi_card', 'hds_self_hosted'],
    ],
  ])('accepts %s with %j', (useCase, profiles) => expect(messages(useCase, profiles)).toEqual([]));

  it('names each broken rule', () => {
    expect(messages('city_practice', ['identity_referential', 'hds_third_party', 'hds_self_hosted', 'ciba'])).toEqual([
      'the profile general is required for the use case city_practice',
      'the profile e_prescription is required for the use case city_practice',
      'the profile identity_referential_insi_card is required for the use case city_practice',
      'choose only one hosting profile, not hds_third_party and hds_self_hosted',
    ]);
    expect(messages('health_facility', ['general', 'identity_consumer', 'identity_referential_insi_card'])).toEqual([
      'exactly one hosting profile is required: hds_third_party or hds_self_hosted',
    ]);
  });

  it('refuses a profile the use case does not offer', () => {
    // the table, not the guide's prose: identity_consumer is optional for city practice, e_prescription for companies
    expect(
      messages('city_practice', [
        'general',
        'identity_referential',
        'e_prescription',
        'identity_referential_insi_card',
        'hds_self_hosted',
        'identity_consumer',
      ]),
    ).toEqual([]);
    expect(() => matrixFor('9.9.9')).toThrow();
  });
});
