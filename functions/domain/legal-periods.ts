/**
 * Every period the procedure counts, once: its length, its legal basis, what the platform does on
 * its own when it runs out, and who the J-15/J-3 reminders go to. The clocks (clocks.ts), the
 * certificate's life, the mails, the PDFs and the portal take periods from here — the prose
 * included (`inWords`), so that a period changed in law changes in one line.
 */
/** The clocks of a dossier and of its certificate, by name. */
export const DEADLINE_KINDS = [
  'inactivity_abandonment',
  'info_request',
  'decision',
  'ins_test_day',
  'convention_signature',
  'formal_notice',
  'convention_term',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export type Period = Readonly<Partial<Record<'years' | 'months' | 'weeks' | 'days', number>>>;

export interface LegalPeriod {
  period: Period;
  legalBasis: string;
}

export interface ClockRule extends LegalPeriod {
  kind: DeadlineKind;
  /**
   * what the platform does on its own at expiry: `none` for a time after which a person may act
   * (an unsigned convention: an instructor may close the dossier), nothing happening by itself
   */
  onExpiry: 'abandon' | 'tacit_acceptance' | 'flag_late' | 'certificate_clock' | 'none';
  /** who the reminders go to: whoever must act before it runs out */
  remind: 'company' | 'ans';
  /** days before the due instant at which reminders go out, when not the usual J-15 and J-3 */
  reminderDays?: readonly number[];
}

/** Days before a clock's due instant at which its reminders go out. */
export const REMINDER_DAYS = [15, 3] as const;

const CSP = 'Code de la santé publique, art.';

/** A clock's rule in one line: the table below reads as the law does. */
const clock = <K extends DeadlineKind, P extends Period>(
  kind: K,
  period: P,
  legalBasis: string,
  onExpiry: ClockRule['onExpiry'],
  remind: ClockRule['remind'],
) => ({ kind, period, legalBasis, onExpiry, remind }) as const;

export const CLOCKS = {
  inactivity_abandonment: clock(
    'inactivity_abandonment',
    { months: 6 },
    'Guide de dépôt ANS §5.2',
    'abandon',
    'company',
  ),
  info_request: clock('info_request', { days: 60 }, `${CSP} R.1470-2`, 'abandon', 'company'),
  decision: clock('decision', { months: 6 }, `${CSP} R.1470-4`, 'tacit_acceptance', 'ans'),
  ins_test_day: clock('ins_test_day', { weeks: 4 }, 'Guide de dépôt ANS §5.2', 'flag_late', 'company'),
  // a complete file is never abandoned by a timer (guide §5.2 « pourra »: a discretion): the
  // company is reminded monthly; past six months an instructor may close the dossier
  convention_signature: {
    ...clock('convention_signature', { months: 6 }, 'Guide de dépôt ANS §5.2', 'none', 'company'),
    reminderDays: [150, 120, 90, 60, 30],
  },
  // the longest time to remedy a formal notice may give
  formal_notice: clock('formal_notice', { months: 6 }, `${CSP} R.1470-9`, 'certificate_clock', 'company'),
  convention_term: clock(
    'convention_term',
    { years: 5 },
    'Guide de dépôt ANS §5.4 (reconduction tacite)',
    'certificate_clock',
    'company',
  ),
} satisfies { [K in DeadlineKind]: ClockRule & { kind: K } };

/** The time to appeal a decision (CRPA L411-2, CJA R.421-1). */
export const APPEAL_PERIOD = {
  period: { months: 2 },
  legalBasis: 'Code de justice administrative, art. R.421-1',
} as const satisfies LegalPeriod;

const NUMBERS: Record<number, string> = {
  1: 'un',
  2: 'deux',
  3: 'trois',
  4: 'quatre',
  5: 'cinq',
  6: 'six',
  10: 'dix',
  12: 'douze',
  15: 'quinze',
  30: 'trente',
  60: 'soixante',
};
const UNITS: Record<keyof Period, [string, string]> = {
  years: ['an', 'ans'],
  months: ['mois', 'mois'],
  weeks: ['semaine', 'semaines'],
  days: ['jour', 'jours'],
};

/** A period in French words, as the mails, PDFs and pages say it: `{ months: 6 }` → « six mois ». */
export const inWords = (period: Period): string =>
  (Object.entries(period) as [keyof Period, number][])
    .filter(([, n]) => n)
    .map(([unit, n]) => `${NUMBERS[n] ?? String(n)} ${UNITS[unit][n > 1 ? 1 : 0]}`)
    .join(' et ');

/** A period in figures, for short labels: `{ days: 60 }` → « 60 jours ». */
export const inFigures = (period: Period): string =>
  (Object.entries(period) as [keyof Period, number][])
    .filter(([, n]) => n)
    .map(([unit, n]) => `${n} ${UNITS[unit][n > 1 ? 1 : 0]}`)
    .join(' et ');
