/** Dates as French readers expect them, in Paris time whatever the browser's zone. */
const TIME_ZONE = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
const dateOnly = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: TIME_ZONE });

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The day an instant falls on in Paris, as YYYY-MM-DD (a date input's value). */
export const parisDay = (instant: Date) => isoDay.format(instant);

export const formatDateTime = (iso?: string) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso?: string) =>
  iso ? dateOnly.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso)) : '—';

/** Whole days left until `dueAt` from `now` (negative when late), as a Paris calendar would count. */
export const daysLeft = (dueAt: string, now: Date) =>
  Math.floor((new Date(dueAt).getTime() - now.getTime()) / 86_400_000);

export const formatDaysLeft = (dueAt: string, now: Date) => {
  const days = daysLeft(dueAt, now);
  if (days < 0) return `en retard de ${-days} jour${days < -1 ? 's' : ''}`;
  if (days === 0) return 'échéance aujourd’hui';
  return `${days} jour${days > 1 ? 's' : ''} restant${days > 1 ? 's' : ''}`;
};

export const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} o`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(1).replace('.', ',')} Ko`
      : `${(bytes / 1024 ** 2).toFixed(1).replace('.', ',')} Mo`;
