import { useEffect, useRef, useState } from 'react';

const key = (dossierId: string) => `tlc-candidature-step:${dossierId}`;

/**
 * The wizard's step, remembered per draft in this browser: a draft opened again resumes at the
 * step the person left it on (issue 25: « a reopened draft starts at step 1 »), not at the first.
 * `openedOn` is the draft the wizard was opened on (none for a new one); `dossierId` the draft once
 * known (loaded, or created by the first save).
 */
export const useResumedStep = (openedOn: string | undefined, dossierId: string | undefined, last: number) => {
  const [step, setStep] = useState(0);
  // a draft opened from its address: restore before remembering anything, or step 0 would
  // overwrite what was stored
  const restored = useRef(openedOn === undefined);
  useEffect(() => {
    if (!dossierId) return;
    if (!restored.current) {
      restored.current = true;
      const stored = Number(window.localStorage.getItem(key(dossierId)));
      if (Number.isInteger(stored) && stored > 0) return setStep(Math.min(stored, last));
    }
    window.localStorage.setItem(key(dossierId), String(step));
  }, [dossierId, step, last]);
  return [step, setStep] as const;
};
