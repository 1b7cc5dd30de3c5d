import type { Dependencies } from '../../functions/container';
import { deliverWebhooks } from '../../functions/use-cases/deliver-webhooks';

/**
 * The webhook worker on this machine, as the scheduled function runs it in AWS: every second (and
 * at once when a fan-out made deliveries) it makes the deliveries due by the virtual clock. It runs
 * beside requests, never inside them: a receiver that takes 10 s to answer delays no command.
 */
export const startWebhookPump = (deps: Dependencies, intervalMs = 1000) => {
  let running: Promise<unknown> | undefined;
  let again = false;
  const round = () => {
    if (running) {
      again = true;
      return;
    }
    running = deliverWebhooks(deps)
      .catch((error: unknown) => console.error('[webhooks] delivery round failed:', (error as Error).message))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          round();
        }
      });
  };
  const timer = setInterval(round, intervalMs);
  timer.unref();
  return {
    kick: round,
    stop: async () => {
      clearInterval(timer);
      again = false;
      await running;
    },
  };
};
