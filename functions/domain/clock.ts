/** The only source of "now" for the domain: wall clock in AWS, virtual clock locally. */
export interface Clock {
  now(): Date;
}

export const fixedClock = (instant: Date | string): Clock => {
  const at = new Date(instant);
  return { now: () => new Date(at) };
};
