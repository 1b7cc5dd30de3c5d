import { Children, type ReactNode } from 'react';

/**
 * A DSFR fieldset: its legend, then each field on a line of its own (`fr-fieldset__element`),
 * so that labels, hints and error messages line up whatever their length.
 */
export const Fieldset = ({
  legend,
  className,
  children,
}: {
  legend: string;
  className?: string;
  children: ReactNode;
}) => (
  <fieldset className={`fr-fieldset${className ? ` ${className}` : ''}`}>
    <legend className="fr-fieldset__legend">{legend}</legend>
    {Children.toArray(children).map((child, i) => (
      <div key={i} className="fr-fieldset__element">
        {child}
      </div>
    ))}
  </fieldset>
);
