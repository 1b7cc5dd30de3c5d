import { SelectField } from '../../../ui/command-form';
import { USE_CASE_LABELS } from '../../../ui/labels';
import type { StepProps } from './candidature-form';
import { BoundInput } from './bound-input';
import { Fieldset } from '../../../ui/fieldset';

/** Step 1: the candidate solution, its version and its use case. */
export const ProductStep = (fields: StepProps) => (
  <Fieldset legend="La solution candidate">
    <BoundInput fields={fields} name="productName" path="product.name" label="Nom de la solution" required />
    <BoundInput fields={fields} name="productVersion" path="product.version" label="Version" required />
    <SelectField
      label="Cas d’usage"
      hint="Le cas d’usage détermine les profils exigés."
      name="useCase"
      choices={USE_CASE_LABELS}
      value={fields.form.useCase}
      onChange={(value) => fields.set('useCase', value)}
    />
  </Fieldset>
);
