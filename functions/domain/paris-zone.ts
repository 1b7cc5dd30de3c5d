import { FixedOffsetZone, IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

/**
 * Europe/Paris, as a luxon zone that reads its offset from the EU's summer-time rule rather than
 * from ICU.
 *
 * Why: luxon's IANA zones ask `Intl.DateTimeFormat` for every offset, and ICU's first use costs a
 * fresh Lambda process some 27 ms (measured beside a bare handler: bench/results.json, cold
 * start) — most of what a dossier read adds to a cold start. Every legal clock is read in Paris
 * time, so every function paid it.
 *
 * The rule (directive 2000/84/EC, art. 2 and 3; France applies it since 1996): summer time, UTC+2,
 * from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October; UTC+1
 * otherwise. Outside the years the rule is known to hold here (`RULE_YEARS`), the offset is ICU's.
 * paris-zone.test.ts compares the two at every change of offset of those years and around them:
 * if the tz database this runtime ships ever parts from the rule (the EU ending seasonal changes,
 * say), that test fails and `RULE_YEARS.last` must be brought forward.
 */
export const RULE_YEARS = { first: 1996, last: 2099 } as const;

const ZONE_NAME = 'Europe/Paris';
const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based), when the EU changes its clocks. */
const changeInstant = (year: number, month: number): number => {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 1));
  return lastDay.getTime() - lastDay.getUTCDay() * 24 * HOUR;
};

/** Offset from UTC in minutes at an instant, by the rule: 120 in summer time, 60 otherwise. */
export const ruleOffset = (ts: number): number => {
  const year = new Date(ts).getUTCFullYear();
  return ts >= changeInstant(year, 2) && ts < changeInstant(year, 9) ? 120 : 60;
};

const ianaParis = () => IANAZone.create(ZONE_NAME);

class ParisZone extends Zone {
  override get type() {
    return 'iana';
  }
  override get name() {
    return ZONE_NAME;
  }
  get ianaName() {
    return ZONE_NAME;
  }
  override get isUniversal() {
    return false;
  }
  override get isValid() {
    return true;
  }
  override offset(ts: number): number {
    if (!Number.isFinite(ts)) return NaN;
    const year = new Date(ts).getUTCFullYear();
    return year >= RULE_YEARS.first && year <= RULE_YEARS.last ? ruleOffset(ts) : ianaParis().offset(ts);
  }
  /** « CET », « heure normale d’Europe centrale »: names are words, ICU's to give */
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return ianaParis().offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return FixedOffsetZone.instance(this.offset(ts)).formatOffset(ts, format);
  }
  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === ZONE_NAME;
  }
}

/** The zone of French law's clocks (see `LEGAL_ZONE` in calendar.ts). */
export const parisZone: Zone = new ParisZone();
