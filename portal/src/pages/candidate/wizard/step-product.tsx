import { Select } from '@codegouvfr/react-dsfr/Select';
import { USE_CASE_LABELS } from '../../../ui/labels';
import type { StepProps, UseCase } from './candidature-form';
import { BoundInput } from './bound-input';
import { Fieldset } from '../../../ui/fieldset';

/** Step 1: the candidate solution, its version and its use case. */
export const ProductStep = (fields: StepProps) => (
  <Fieldset legend="La solution candidate">
    <BoundInput fields={fields} name="productName" path="product.name" label="Nom de la solution" required />
    <BoundInput fields={fields} name="productVersion" path="product.version" label="Version" required />
    <Select
      label="Cas d’usage"
      hint="Le cas d’usage détermine les profils exigés."
      nativeSelectProps={{
        value: fields.form.useCase,
        onChange: (e) => fields.set('useCase', e.target.value as UseCase),
        name: 'useCase',
      }}
    >
      {Object.entries(USE_CASE_LABELS).map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </Select>
  </Fieldset>
);
