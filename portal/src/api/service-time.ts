/**
 * The service's instant, as its last answer said (`x-service-time`): time left to a legal deadline
 * is counted from it, never from the browser's clock (a computer's clock may be days off, and the
 * local stack's clock is virtual).
 */
let serviceOffset = 0;

/** Records the service's instant read on an answer. */
export const noteServiceTime = (header: string | null) => {
  const at = Date.parse(header ?? '');
  // eslint-disable-next-line no-restricted-syntax -- measuring the browser's clock against the service's
  if (!Number.isNaN(at)) serviceOffset = at - Date.now();
};

// eslint-disable-next-line no-restricted-syntax -- the browser's clock, corrected by the service's
export const serviceNow = () => new Date(Date.now() + serviceOffset);
