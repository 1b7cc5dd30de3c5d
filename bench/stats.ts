/** Small statistics helpers for the benchmark. */
export const quantile = (values: number[], q: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
};

export const summary = (values: number[], digits = 2) => {
  const round = (n: number) => Number(n.toFixed(digits));
  return {
    median: round(quantile(values, 0.5)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    runs: values.length,
  };
};

/** Runs `task` from `clients` concurrent workers, `perClient` times each; returns latencies in ms. */
export const load = async (clients: number, perClient: number, task: () => Promise<void>) => {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const t = performance.now();
        await task();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return latencies;
};
