import type { Clock } from '../../domain/clock';

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}
  now() {
    return new Date(this.instant);
  }
  set(iso: string) {
    this.instant = new Date(iso);
  }
  advance(ms: number) {
    this.instant = new Date(this.instant.getTime() + ms);
  }
}
