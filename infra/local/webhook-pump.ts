import type { Dependencies } from '../../functions/container';
import { deliverWebhooks, fanOutWebhookEvents } from '../../functions/use-cases/deliver-webhooks';

/**
 * The webhook worker on this machine, as the stream and the scheduled function run it in AWS:
 * every second (and at once when a drain made deliveries) it fans out the changes' events — those
 * of background work too, a received upload — and makes the deliveries due by the virtual clock.
 * It runs beside requests, never inside them: a receiver that takes 10 s delays no command.
 */
export const startWebhookPump = (deps: Dependencies, intervalMs = 1000) => {
  let running: Promise<unknown> | undefined;
  let again = false;
  const round = () => {
    if (running) {
      again = true;
      return;
    }
    running = fanOutWebhookEvents(deps)
      .then(() => deliverWebhooks(deps))
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
