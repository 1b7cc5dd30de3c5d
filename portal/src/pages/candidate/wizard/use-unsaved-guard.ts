import { useEffect } from 'react';

/**
 * While entries are unsaved, leaving the page (closing the tab, reloading, following a link out)
 * asks the browser's own confirmation first (issue 25: « typing lost without warning »). Moving
 * between the wizard's steps keeps the entries and asks nothing.
 */
export const useUnsavedGuard = (dirty: boolean) => {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // older browsers show the dialog only when a value is set
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
};
