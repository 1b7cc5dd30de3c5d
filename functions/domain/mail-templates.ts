import { DateTime } from 'luxon';
import { LEGAL_ZONE } from './calendar';

/** French mail templates, one per event. Plain text and HTML are built from the same lines. */
export type MailTemplate = 'dossier_created' | 'dossier_abandoned_inactivity' | 'company_registered';

export interface MailData {
  companyName?: string;
  productName?: string;
  productVersion?: string;
  dossierId?: string;
  dueAt?: string;
  [key: string]: string | undefined;
}

export const formatParisDate = (iso: string): string =>
  DateTime.fromISO(iso, { zone: LEGAL_ZONE }).setLocale('fr').toFormat("d LLLL yyyy 'à' HH'h'mm");

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const product = (d: MailData) => `${d.productName ?? ''} ${d.productVersion ?? ''}`.trim();

const TEMPLATES: Record<MailTemplate, (d: MailData) => { subject: string; lines: string[] }> = {
  company_registered: (d) => ({
    subject: 'Votre compte sur la plateforme de certification des SI de téléconsultation',
    lines: [
      'Bonjour,',
      `Le compte de la société ${d.companyName} a été créé sur la plateforme de certification de l'Agence du Numérique en Santé.`,
      'Vous pouvez désormais déposer une candidature pour chacun de vos systèmes d’information de téléconsultation.',
    ],
  }),
  dossier_created: (d) => ({
    subject: `Candidature créée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Votre candidature pour ${product(d)} (dossier ${d.dossierId}) a été enregistrée en mode brouillon.`,
      `Sans modification de votre part, elle sera considérée comme abandonnée le ${formatParisDate(d.dueAt!)} (guide de dépôt, §5.2).`,
    ],
  }),
  dossier_abandoned_inactivity: (d) => ({
    subject: `Candidature abandonnée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Faute d’action de votre part depuis six mois, votre candidature pour ${product(d)} (dossier ${d.dossierId}) est considérée comme abandonnée.`,
      'Pour obtenir la certification, une nouvelle candidature est nécessaire.',
    ],
  }),
};

const SIGNATURE = ['—', 'Agence du Numérique en Santé — certification des SI de téléconsultation'];

export const renderMail = (template: MailTemplate, data: MailData) => {
  const { subject, lines } = TEMPLATES[template](data);
  const all = [...lines, '', ...SIGNATURE];
  return {
    subject,
    text: all.join('\n'),
    html: `<!doctype html><html lang="fr"><body>${all.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</body></html>`,
  };
};
