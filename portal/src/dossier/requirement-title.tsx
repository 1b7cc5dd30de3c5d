import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Requirements } from '../api/client';

type Requirement = Requirements['sections'][number]['requirements'][number];

/** A requirement's heading: its id and title, flagged when its evidence is sensitive. */
export const RequirementTitle = ({ requirement }: { requirement: Requirement }) => (
  <h4 className="fr-h6 fr-mb-1w">
    {requirement.id} — {requirement.title}{' '}
    {requirement.sensitive && (
      <Badge small severity="warning">
        Sensible
      </Badge>
    )}
  </h4>
);
