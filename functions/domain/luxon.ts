import { DateTime, Duration, Settings } from 'luxon';

/**
 * luxon as the platform uses it: import `DateTime` and `Duration` from here, never from 'luxon'
 * (eslint enforces it), so that these settings hold before any date is made.
 *
 * A DateTime or Duration made without a locale makes luxon ask `Intl` for the system's, and ICU's
 * first use costs a cold start some 27 ms. The legal calendar needs no locale (ISO weeks, numeric
 * formats): it runs in en-US, what the Lambda runtime reports anyway, and French text asks for
 * French itself (`setLocale('fr')` in mails and documents).
 */
Settings.defaultLocale = 'en-US';

export { DateTime, Duration };
