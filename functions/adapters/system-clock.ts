import type { Clock } from '../domain/clock';

/** The wall clock, for AWS. It lives outside the domain so that domain rules receive a Clock. */
export const systemClock: Clock = { now: () => new Date() };
