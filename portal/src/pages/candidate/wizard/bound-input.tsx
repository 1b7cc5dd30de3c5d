import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Form, StepProps } from './candidature-form';

type TextKey = { [K in keyof Form]: Form[K] extends string ? K : never }[keyof Form];

/**
 * A one-line field of the candidature, bound to its entry in the form and to the service's refusal
 * for it (`path`: the field as the API names it, when it differs from the form's).
 */
export const BoundInput = ({
  fields,
  name,
  path = name,
  label,
  hint,
  type = 'text',
  required,
  min,
}: {
  fields: StepProps;
  name: TextKey;
  path?: string;
  label: string;
  hint?: string;
  type?: 'text' | 'date';
  required?: boolean;
  /** a date field's first allowed day (YYYY-MM-DD) */
  min?: string;
}) => (
  <Input
    label={label}
    {...(hint ? { hintText: hint } : {})}
    state={fields.state(path)}
    stateRelatedMessage={fields.fieldError(path)}
    nativeInputProps={{
      type,
      value: fields.form[name],
      onChange: (e) => fields.set(name, e.target.value),
      name,
      ...(required ? { required } : {}),
      ...(min ? { min } : {}),
    }}
  />
);
