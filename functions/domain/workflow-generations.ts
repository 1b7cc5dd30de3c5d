/**
 * A dossier's clocks outlive the executions that keep them. AWS ends a Standard execution after
 * one year or 25,000 history events; well before either, the execution hands over to a successor
 * (the next generation, a new name) and ends. Names are never reused (AWS refuses a name for 90
 * days after its execution closed), so each generation has its own.
 */

const DAY_MS = 24 * 3600 * 1000;

/** The longest a single wait may last inside one execution (a Standard execution lives a year). */
export const MAX_WAIT_SECONDS = 300 * 24 * 3600;

/** An execution hands over once this old (AWS ends it at 365 days). */
export const HANDOVER_AGE_MS = 300 * DAY_MS;
/**
 * …or after this many wake-ups: one cycle (Evaluate, Route, AwaitSignal) writes about 13
 * history events, so 1,000 cycles stay far below the 25,000 events AWS allows.
 */
export const HANDOVER_CYCLES = 1_000;

/** The name of a dossier's execution of a given generation (≤ 80 characters, AWS's limit). */
export const executionName = (dossierId: string, generation: number) => `dossier-${dossierId}-g${generation}`;

export interface ExecutionContext {
  generation: number;
  /** wake-ups so far in this execution */
  cycle: number;
  /** when this execution started (virtual time locally) */
  startedAt?: Date;
}

/** The instant at which the execution must hand over, whatever it waits for. */
export const handOverAt = (execution: ExecutionContext): Date | undefined =>
  execution.startedAt ? new Date(execution.startedAt.getTime() + HANDOVER_AGE_MS) : undefined;

/** Whether the execution should hand over to its successor now. */
export const mustHandOver = (execution: ExecutionContext, now: Date): boolean => {
  const limit = handOverAt(execution);
  return execution.cycle >= HANDOVER_CYCLES || (limit !== undefined && now.getTime() >= limit.getTime());
};
