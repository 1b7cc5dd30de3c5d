import type { Referential } from '../ports';
import { PROFILE_MATRICES } from '../profile-matrix';
import { CATALOGUE_1_4_2 } from './v1-4-2';

/** Referential versions shipped with the platform. */
export const SHIPPED_REFERENTIALS: Record<string, Referential> = {
  '1.4.2': {
    version: '1.4.2',
    catalogue: CATALOGUE_1_4_2,
    matrix: PROFILE_MATRICES['1.4.2']!,
    publishedAt: '2024-02-09T00:00:00.000Z',
  },
};
