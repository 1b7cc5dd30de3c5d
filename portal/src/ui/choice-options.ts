/** DSFR radio options for one choice among labelled values, bound to the state that holds it. */
export const choiceOptions = <T extends string>(labels: Record<T, string>, chosen: T, choose: (value: T) => void) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({
    label,
    nativeInputProps: { value, checked: chosen === value, onChange: () => choose(value) },
  }));
