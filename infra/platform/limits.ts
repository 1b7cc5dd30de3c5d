/** Requests per second (steady / burst) on the API stage: a default, and tighter routes. */
export const THROTTLE = {
  default: { rateLimit: 100, burstLimit: 200 },
  public: { rateLimit: 20, burstLimit: 40 },
  uploads: { rateLimit: 10, burstLimit: 20 },
} as const;

/** Concurrency reserved for what the law runs on its own. */
export const RESERVED = { evaluate: 20, certificateClock: 5 } as const;
