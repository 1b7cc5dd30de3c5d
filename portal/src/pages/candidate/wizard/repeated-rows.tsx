import type { ReactNode } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';

/**
 * A list the person grows and shrinks (components, group members): each row in a card with its
 * own remove button, then one add button. `row` draws a row's fields with an `update` for them.
 */
export const RepeatedRows = <T extends { [K in keyof T]: string }>({
  items,
  onChange,
  blank,
  addLabel,
  removeLabel,
  row,
}: {
  items: T[];
  onChange: (items: T[]) => void;
  blank: T;
  addLabel: string;
  removeLabel: (index: number) => string;
  row: (item: T, index: number, update: (key: keyof T, value: string) => void) => ReactNode;
}) => (
  <>
    {items.map((item, i) => (
      <div key={i} className="fr-p-2w fr-mb-2w fr-card">
        {row(item, i, (key, value) => onChange(items.map((x, j) => (j === i ? { ...x, [key]: value } : x))))}
        <Button
          priority="tertiary"
          type="button"
          iconId="fr-icon-delete-line"
          onClick={() => onChange(items.filter((_, j) => j !== i))}
        >
          {removeLabel(i)}
        </Button>
      </div>
    ))}
    <Button priority="secondary" type="button" iconId="fr-icon-add-line" onClick={() => onChange([...items, blank])}>
      {addLabel}
    </Button>
  </>
);
