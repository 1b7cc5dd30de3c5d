import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { choiceOptions } from './choice-options';

/**
 * A form that runs one command: its fields, then its one submit button — disabled while a
 * command runs, or until the fields are `ready`. Every command form of the portal is one of these.
 */
export const CommandForm = ({
  submit,
  onSubmit,
  busy,
  ready = true,
  priority = 'primary',
  className,
  children,
}: {
  /** the button's label: what the command does */
  submit: string;
  onSubmit: () => unknown;
  busy: boolean;
  ready?: boolean;
  priority?: 'primary' | 'secondary';
  className?: string;
  children?: ReactNode;
}) => (
  <form
    {...(className ? { className } : {})}
    onSubmit={(e) => {
      e.preventDefault();
      void onSubmit();
    }}
  >
    {children}
    <Button type="submit" priority={priority} disabled={busy || !ready}>
      {submit}
    </Button>
  </form>
);

interface FieldProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  required?: boolean;
}

/** A multi-line text field bound to a value (lists are one item per line). */
export const TextAreaField = ({ label, name, value, onChange, hint, required }: FieldProps) => (
  <Input
    label={label}
    {...(hint ? { hintText: hint } : {})}
    textArea
    nativeTextAreaProps={{ value, onChange: (e) => onChange(e.target.value), name, ...(required ? { required } : {}) }}
  />
);

/** A one-line field bound to a value: text, a date, an instant. */
export const TextField = ({
  type = 'text',
  autoComplete,
  ...field
}: FieldProps & { type?: 'text' | 'date' | 'datetime-local' | 'email' | 'tel'; autoComplete?: string }) => (
  <Input
    label={field.label}
    {...(field.hint ? { hintText: field.hint } : {})}
    nativeInputProps={{
      type,
      value: field.value,
      onChange: (e) => field.onChange(e.target.value),
      name: field.name,
      ...(autoComplete ? { autoComplete } : {}),
      ...(field.required ? { required: true } : {}),
    }}
  />
);

/** The reasons of a decision, one per line (the API takes them as a list). */
export const ReasonsField = (field: Omit<FieldProps, 'label'>) => (
  <TextAreaField label="Motifs (un par ligne)" {...field} />
);

/** An instant, a date and a time of day as the browser's calendar shows them. */
export const InstantField = (field: FieldProps) => <TextField type="datetime-local" {...field} />;

/** One choice among labelled values, as a DSFR select bound to a value (for longer lists). */
export const SelectField = <T extends string>({
  label,
  name,
  choices,
  value,
  onChange,
  hint,
}: {
  label: string;
  name: string;
  choices: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  hint?: string;
}) => (
  <Select
    label={label}
    {...(hint ? { hint } : {})}
    nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value as T), name }}
  >
    {(Object.entries(choices) as [T, string][]).map(([v, l]) => (
      <option key={v} value={v}>
        {l}
      </option>
    ))}
  </Select>
);

/** One choice among labelled values, as DSFR radio buttons bound to a value. */
export const ChoiceField = <T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  hint,
  orientation,
}: {
  legend: string;
  name: string;
  choices: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  hint?: string | undefined;
  orientation?: 'horizontal' | 'vertical';
}) => (
  <RadioButtons
    legend={legend}
    name={name}
    {...(hint ? { hintText: hint } : {})}
    {...(orientation ? { orientation } : {})}
    options={choiceOptions(choices, value, onChange)}
  />
);

/** A button that runs one command, disabled while a command runs; `confirm` asks first. */
export const CommandButton = ({
  busy,
  onRun,
  confirm,
  children,
  ...button
}: {
  busy: boolean;
  onRun: () => unknown;
  confirm?: string;
  children: ReactNode;
  priority?: 'primary' | 'secondary' | 'tertiary';
  className?: string;
  iconId?: 'fr-icon-close-circle-line';
}) => {
  const { iconId, ...rest } = button;
  const onClick = () => {
    if (!confirm || window.confirm(confirm)) void onRun();
  };
  return iconId ? (
    <Button {...rest} iconId={iconId} disabled={busy} onClick={onClick}>
      {children}
    </Button>
  ) : (
    <Button {...rest} disabled={busy} onClick={onClick}>
      {children}
    </Button>
  );
};

/** A field's text and its setter, as the fields above take them: `<TextField {...signatory} />`. */
export const useField = (initial = '') => {
  const [value, onChange] = useState(initial);
  return { value, onChange };
};

/** A choice and its setter, as ChoiceField takes them: `<ChoiceField … {...outcome} />`. */
export const useChoice = <T extends string>(initial: T) => {
  const [value, onChange] = useState<T>(initial);
  return { value, onChange };
};
