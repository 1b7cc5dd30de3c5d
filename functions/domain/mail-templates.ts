import { DateTime } from './luxon';
import { LEGAL_ZONE } from './calendar';
import { CLOCKS, inWords } from './legal-periods';

/** What every dossier mail names: the product, its version and the dossier. */
export interface AboutDossier {
  productName: string;
  productVersion: string;
  dossierId: string;
  /** what the mail names the dossier by (domain/dossier-reference.ts); its id when it has none */
  reference?: string;
}
interface AboutCertificate {
  productName: string;
  productVersion: string;
  number: string;
}

/**
 * French mail templates, one per event, each with the data it needs: the map below must have a
 * renderer for every template (the compiler checks it), and a caller must give each template
 * exactly its fields. Plain text and HTML are built from the same lines.
 */
export interface MailDataByTemplate {
  company_registered: { companyName: string };
  legal_representative_replaced: { companyName: string; reason: string; at: string };
  webhook_disabled: { url: string; since: string; lastError: string };
  dossier_created: AboutDossier & { dueAt: string };
  submission_received: AboutDossier & { at: string };
  admissibility_admissible: AboutDossier & { at: string };
  info_request_opened: AboutDossier & { dueAt: string; items: string };
  info_request_answered: AboutDossier & { at: string };
  deadline_reminder: AboutDossier & { kind: string; dueAt: string; daysLeft: number };
  mail_undeliverable: AboutDossier & { role: string; kind: 'bounce' | 'complaint'; at: string };
  dossier_abandoned_inactivity: AboutDossier;
  dossier_abandoned_info_request: AboutDossier;
  message_received: AboutDossier & { from: string };
  proof_non_compliant: AboutDossier & { requirementId?: string };
  ins_test_day_proposed: AboutDossier & { date: string };
  convention_ready: AboutDossier;
  dossier_withdrawn: AboutDossier;
  retention_notice: AboutDossier & { dueAt: string; reason: string };
  dossier_closed_unsigned: AboutDossier & { reasons: string; appeal: string };
  ins_test_day_late: AboutDossier;
  complete_file_receipt: AboutDossier & { at: string; dueAt: string; insTestDueAt: string; seq: number; hash: string };
  certificate_granted: AboutDossier & {
    number: string;
    at: string;
    tacit: boolean;
    reservations?: string;
    appeal: string;
  };
  dossier_refused: AboutDossier & { reasons: string; appeal: string };
  dossier_inadmissible: AboutDossier & { reasons: string; appeal: string };
  college_reservations_convention: AboutDossier & { reservations: string; appeal: string };
  instruction_unfavourable: AboutDossier & { items: string };
  certificate_status_changed: AboutCertificate & { status: string; reasons?: string; appeal?: string };
  convention_renewed: AboutCertificate & { dueAt: string };
  formal_notice_issued: AboutCertificate & { dueAt: string; items: string };
  formal_notice_lapsed: AboutCertificate;
  observations_requested: AboutCertificate & { dueAt: string; items: string };
  observations_received: AboutCertificate & { at: string };
  renewal_required: AboutCertificate & { dueAt?: string; version?: string; reasons?: string };
  certificate_renewal_deadline: AboutCertificate & { dueAt: string; daysLeft: number; reason: string };
  certificate_expired_renewal: AboutCertificate & { at: string; dueAt: string; reason: string };
  convention_term_reminder: AboutCertificate & { dueAt: string; daysLeft: number };
  convention_non_renewal_notice: AboutCertificate & { dueAt: string; party: string };
  convention_not_renewed: AboutCertificate & { at: string };
}
export type MailTemplate = keyof MailDataByTemplate;
const ROLE_LABELS: Record<string, string> = { contact: 'contact', legal_representative: 'représentant légal' };
type Rendered = { subject: string; lines: string[] };
type Renderers = { [T in MailTemplate]: (d: MailDataByTemplate[T]) => Rendered };

export const formatParisDate = (iso: string): string =>
  DateTime.fromISO(iso, { zone: LEGAL_ZONE }).setLocale('fr').toFormat("d LLLL yyyy 'à' HH'h'mm");

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const product = (d: { productName: string; productVersion: string }) =>
  `${d.productName ?? ''} ${d.productVersion ?? ''}`.trim();
/** The dossier as people name it: its reference, or its id for one filed before references. */
const ref = (d: { dossierId: string; reference?: string }) => d.reference ?? d.dossierId;
const when = (iso?: string) => (iso ? formatParisDate(iso) : '—');
/** The Paris day of an instant, in words: « 4 janvier 2031 ». */
const day = (iso: string) => DateTime.fromISO(iso, { zone: LEGAL_ZONE }).setLocale('fr').toFormat('d LLLL yyyy');

const words = (kind: keyof typeof CLOCKS) => inWords(CLOCKS[kind].period);
const DEADLINE_LABELS: Record<string, string> = {
  inactivity_abandonment: `le délai d’inactivité de ${words('inactivity_abandonment')} (guide de dépôt, §5.2)`,
  decision: `le délai de décision de ${words('decision')} (art. R.1470-4 : le silence vaut acceptation)`,
  ins_test_day: `le délai de ${words('ins_test_day')} pour organiser la journée de test INS (guide de dépôt, §5.2)`,
  info_request: `le délai de ${words('info_request')} pour fournir les pièces complémentaires (art. R.1470-2 du code de la santé publique)`,
  convention_signature: `le délai de signature de la convention de certification (${words('convention_signature')} après son envoi ; au-delà, l’ANS peut clore le dossier)`,
};

const TEMPLATES = {
  company_registered: (d) => ({
    subject: 'Votre compte sur la plateforme de certification des SI de téléconsultation',
    lines: [
      'Bonjour,',
      `Le compte de la société ${d.companyName} a été créé sur la plateforme de certification de l'Agence du Numérique en Santé.`,
      'Vous recevrez séparément vos identifiants de connexion. Vous pourrez ensuite déposer une candidature pour chacun de vos systèmes d’information de téléconsultation.',
    ],
  }),
  legal_representative_replaced: (d) => ({
    subject: `Nouveau représentant légal de ${d.companyName}`,
    lines: [
      'Bonjour,',
      `Le ${when(d.at)}, l’ANS a enregistré un nouveau représentant légal de la société ${d.companyName} sur la plateforme de certification.`,
      `Motif : ${d.reason}.`,
      'Le compte de l’ancien représentant légal est fermé ; le nouveau représentant reçoit ses identifiants séparément. Les candidatures et certificats de la société ne changent pas.',
      'Si ce changement ne vous semble pas fondé, répondez à ce message ou écrivez au support de l’ANS.',
    ],
  }),
  webhook_disabled: (d) => ({
    subject: 'Webhook désactivé : votre adresse ne répond plus',
    lines: [
      'Bonjour,',
      `Depuis le ${when(d.since)}, les événements de vos dossiers n’ont pu être remis à ${d.url} (dernière erreur : ${d.lastError}).`,
      'Après 24 heures de nouvelles tentatives, cet abonnement a été désactivé : aucun événement ne vous y sera plus envoyé.',
      'Vous pouvez consulter le journal des remises et créer un nouvel abonnement depuis la page « Intégrer vos outils » du portail.',
    ],
  }),
  dossier_created: (d) => ({
    subject: `Candidature créée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Votre candidature pour ${product(d)} (dossier ${ref(d)}) a été enregistrée en mode brouillon.`,
      `Sans modification de votre part, elle sera considérée comme abandonnée le ${when(d.dueAt)} (guide de dépôt, §5.2).`,
    ],
  }),
  submission_received: (d) => ({
    subject: `Candidature reçue — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Votre candidature pour ${product(d)} (dossier ${ref(d)}) a été soumise le ${when(d.at)}.`,
      'L’ANS en étudie la recevabilité. Les profils choisis sont désormais définitifs.',
    ],
  }),
  admissibility_admissible: (d) => ({
    subject: `Candidature recevable — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Votre candidature pour ${product(d)} (dossier ${ref(d)}) a été déclarée recevable le ${when(d.at)}.`,
      'Vous pouvez déposer les preuves de conformité, section par section, pour les exigences applicables à vos profils.',
    ],
  }),
  info_request_opened: (d) => ({
    subject: `Demande de pièces complémentaires — ${product(d)}`,
    lines: [
      'Bonjour,',
      `L’ANS vous demande les éléments suivants pour le dossier ${ref(d)} (${product(d)}) :`,
      ...(d.items ?? '').split('\n').map((item) => `• ${item}`),
      `Vous avez jusqu’au ${when(d.dueAt)} pour les fournir. À défaut, la demande sera réputée abandonnée (art. R.1470-2 du code de la santé publique).`,
    ],
  }),
  info_request_answered: (d) => ({
    subject: `Réponse à une demande de pièces — dossier ${ref(d)}`,
    lines: [
      'Bonjour,',
      `Le candidat a répondu le ${when(d.at)} à la demande de pièces complémentaires du dossier ${ref(d)} (${product(d)}).`,
    ],
  }),
  mail_undeliverable: (d) => ({
    subject: `Adresse injoignable — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Un courriel du dossier ${ref(d)} (${product(d)}) n’a pas pu être remis au ${ROLE_LABELS[d.role] ?? 'destinataire'} de l’entreprise (${d.kind === 'bounce' ? 'adresse rejetée définitivement' : 'signalé comme indésirable'}) le ${when(d.at)}.`,
      'Les notifications légales de ce dossier ne lui parviennent plus : merci de joindre l’entreprise par un autre moyen et de faire corriger l’adresse.',
    ],
  }),
  deadline_reminder: (d) => ({
    subject: `Rappel : échéance dans ${d.daysLeft} jours — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Pour le dossier ${ref(d)} (${product(d)}), ${DEADLINE_LABELS[d.kind ?? ''] ?? 'un délai'} expire le ${when(d.dueAt)}.`,
      d.kind === 'decision'
        ? 'Sans décision notifiée d’ici là, le silence gardé vaudra acceptation et le certificat sera délivré.'
        : d.kind === 'ins_test_day'
          ? 'Merci de proposer une date de journée de test INS avant cette échéance.'
          : d.kind === 'convention_signature'
            ? 'Merci de faire signer la convention par votre représentant habilité.'
            : 'Sans action de votre part d’ici là, la candidature sera considérée comme abandonnée.',
    ],
  }),
  dossier_abandoned_inactivity: (d) => ({
    subject: `Candidature abandonnée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Faute d’action de votre part depuis ${words('inactivity_abandonment')}, votre candidature pour ${product(d)} (dossier ${ref(d)}) est considérée comme abandonnée (guide de dépôt, §5.2).`,
      'Pour obtenir la certification, une nouvelle candidature est nécessaire.',
    ],
  }),
  dossier_abandoned_info_request: (d) => ({
    subject: `Candidature abandonnée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Les pièces complémentaires demandées pour le dossier ${ref(d)} (${product(d)}) n’ont pas été fournies dans le délai de ${words('info_request')} : la demande est réputée abandonnée (art. R.1470-2 du code de la santé publique).`,
      'Pour obtenir la certification, une nouvelle candidature est nécessaire.',
    ],
  }),
  message_received: (d) => ({
    subject: `Nouveau message — dossier ${ref(d)}`,
    lines: [
      'Bonjour,',
      `Un nouveau message a été déposé sur le dossier ${ref(d)} (${product(d)}) par ${d.from}.`,
      'Consultez-le sur la plateforme (son contenu n’est pas recopié par courriel).',
    ],
  }),
} satisfies Partial<Renderers>;

const MORE_TEMPLATES = {
  proof_non_compliant: (d) => ({
    subject: `Preuve non conforme — ${d.requirementId} — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Une preuve déposée pour l’exigence ${d.requirementId} du dossier ${ref(d)} (${product(d)}) a été jugée non conforme.`,
      'Le commentaire de l’ANS est visible sur la plateforme ; vous pouvez déposer une nouvelle preuve pour cette exigence.',
    ],
  }),
  ins_test_day_proposed: (d) => ({
    subject: `Journée de test INS proposée — dossier ${ref(d)}`,
    lines: [
      'Bonjour,',
      `Le candidat propose le ${d.date} pour la journée de test INS du dossier ${ref(d)} (${product(d)}).`,
    ],
  }),
  convention_ready: (d) => ({
    subject: `Convention à signer — ${product(d)}`,
    lines: [
      'Bonjour,',
      `L’instruction du dossier ${ref(d)} (${product(d)}) est terminée : toutes les exigences applicables sont conformes.`,
      'La convention est disponible sur la plateforme ; sa signature électronique par votre représentant habilité ouvre le passage devant le collège technique.',
    ],
  }),
  certificate_status_changed: (d) => ({
    subject: `Certificat ${d.number} : ${d.status}`,
    lines: [
      'Bonjour,',
      `Le certificat ${d.number} (${product(d)}) est désormais ${d.status}.`,
      ...(d.reasons ? [`Motifs : ${d.reasons}.`] : []),
      ...(d.appeal ? [d.appeal] : []),
      'Le détail figure sur la plateforme ; la vérification publique est à jour.',
    ],
  }),
  convention_renewed: (d) => ({
    subject: `Convention renouvelée — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `La convention du certificat ${d.number} (${product(d)}) est renouvelée tacitement jusqu’au ${when(d.dueAt)}.`,
    ],
  }),
  formal_notice_issued: (d) => ({
    subject: `Mise en demeure — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `L’ANS a relevé les non-conformités suivantes sur ${product(d)} (certificat ${d.number}) :`,
      ...(d.items ?? '').split('\n').map((item) => `• ${item}`),
      `Vous êtes mis en demeure d’y remédier au plus tard le ${when(d.dueAt)} (art. R.1470-9 du code de la santé publique). À défaut, le certificat peut être suspendu puis retiré.`,
    ],
  }),
  formal_notice_lapsed: (d) => ({
    subject: `Mise en demeure échue — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `Le délai de la mise en demeure du certificat ${d.number} (${product(d)}) est expiré sans que la non-conformité ait été levée.`,
      'Le retrait du certificat est désormais possible ; il reste une décision de l’ANS.',
    ],
  }),
  observations_requested: (d) => ({
    subject: `Demande d’observations — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `L’ANS vous invite à présenter vos observations sur les faits suivants concernant le certificat ${d.number} :`,
      d.items ?? '',
      ...(d.dueAt ? [`Vous pouvez présenter vos observations jusqu’au ${when(d.dueAt)}.`] : []),
    ],
  }),
  renewal_required: (d) => ({
    subject: `Nouvelle candidature requise — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      d.version
        ? `Une nouvelle version du référentiel (${d.version}) est publiée : le certificat ${d.number} (${product(d)}) doit faire l’objet d’une nouvelle demande avant le ${when(d.dueAt)}.`
        : d.dueAt
          ? `L’ANS a constaté une évolution substantielle de ${product(d)} (certificat ${d.number}) : une nouvelle demande de certificat est requise avant le ${when(d.dueAt)} (art. R.1470-11 du code de la santé publique).`
          : `Une évolution substantielle a été déclarée pour ${product(d)} (certificat ${d.number}) : une nouvelle candidature est requise.`,
      ...(d.reasons ? [`Constat : ${d.reasons}`] : []),
      'Une candidature de renouvellement, préremplie, peut être créée depuis la plateforme.',
    ],
  }),
  dossier_withdrawn: (d) => ({
    subject: `Candidature retirée — ${product(d)}`,
    lines: ['Bonjour,', `La candidature ${ref(d)} (${product(d)}) a été retirée par le candidat.`],
  }),
  retention_notice: (d) => ({
    subject: `Effacement prochain des données du dossier ${ref(d)}`,
    lines: [
      'Bonjour,',
      `Le dossier ${ref(d)} (${product(d)}) arrive au terme de sa durée de conservation : ses données personnelles seront effacées au terme du ${day(d.dueAt)} (règlement général sur la protection des données, art. 5-1-e).`,
      `Pourquoi cette durée : ${d.reason}.`,
      'Seront effacés les noms, coordonnées, messages, textes et fichiers déposés du dossier. Le journal du dossier est conservé sans donnée personnelle : ses dates et ses empreintes restent vérifiables.',
      'Pour garder une copie, téléchargez dès maintenant vos documents depuis la plateforme, ou vos données depuis la page « Mes données ».',
    ],
  }),
  dossier_closed_unsigned: (d) => ({
    subject: `Dossier clos faute de signature de la convention — ${product(d)}`,
    lines: [
      'Bonjour,',
      `La convention de certification du dossier ${ref(d)} (${product(d)}) n’a pas été signée ${`dans les ${words('convention_signature')} suivant son envoi`} : l’ANS clôt le dossier (guide de dépôt, §5.2).`,
      `Motifs : ${d.reasons}.`,
      d.appeal,
    ],
  }),
  ins_test_day_late: (d) => ({
    subject: `Journée de test INS non organisée — ${product(d)}`,
    lines: [
      'Bonjour,',
      `La journée de test INS du dossier ${ref(d)} (${product(d)}) n’a pas eu lieu dans les ${words('ins_test_day')} suivant le dépôt du dossier complet (guide de dépôt, §5.2).`,
      'Merci de proposer une date au plus vite.',
    ],
  }),
  complete_file_receipt: (d) => ({
    subject: `Accusé de réception — dossier complet ${ref(d)}`,
    lines: [
      'Bonjour,',
      `L’ANS accuse réception, le ${when(d.at)}, du dossier complet de preuves pour ${product(d)} (dossier ${ref(d)}).`,
      `La décision doit intervenir au plus tard le ${when(d.dueAt)} ; à défaut, le silence gardé vaut acceptation (art. R.1470-4 du code de la santé publique).`,
      `La journée de test INS est à organiser avant le ${when(d.insTestDueAt)}.`,
      `Preuve de date : événement n°${d.seq} du journal, empreinte SHA-256 ${d.hash}.`,
    ],
  }),
  certificate_granted: (d) => ({
    subject: `Certificat de conformité ${d.number} — ${product(d)}`,
    lines: [
      'Bonjour,',
      d.tacit
        ? `Faute de décision notifiée dans le délai de ${words('decision')}, la certification de ${product(d)} (dossier ${ref(d)}) est acquise par acceptation tacite (art. R.1470-4 du code de la santé publique).`
        : `Le collège technique a décidé de certifier ${product(d)} (dossier ${ref(d)})${d.reservations ? ' avec réserves' : ''}.`,
      ...(d.reservations ? [`Réserves : ${d.reservations}`] : []),
      `Le certificat porte le numéro ${d.number}, délivré le ${when(d.at)}.`,
      ...appeal(d),
    ],
  }),
  dossier_refused: (d) => ({
    subject: `Décision de refus — ${product(d)}`,
    lines: [
      'Bonjour,',
      `Le collège technique a refusé la certification de ${product(d)} (dossier ${ref(d)}).`,
      `Motifs : ${d.reasons}`,
      ...appeal(d),
    ],
  }),
  dossier_inadmissible: (d) => ({
    subject: `Décision d’irrecevabilité — ${product(d)}`,
    lines: [
      'Bonjour,',
      `L’ANS déclare irrecevable la candidature de ${product(d)} (dossier ${ref(d)}) ; le dossier est clos.`,
      `Motifs : ${d.reasons}`,
      ...appeal(d),
    ],
  }),
  college_reservations_convention: (d) => ({
    subject: `Décision du collège — certification sous réserve de ${product(d)}`,
    lines: [
      'Bonjour,',
      `Le collège technique a décidé d’attribuer la certification de ${product(d)} (dossier ${ref(d)}) sous réserve.`,
      `Réserves : ${d.reservations}`,
      'La convention est disponible sur la plateforme : le certificat est délivré dès sa signature.',
      ...appeal(d),
    ],
  }),
  instruction_unfavourable: (d) => ({
    subject: `Rapport d’instruction défavorable — ${product(d)}`,
    lines: [
      'Bonjour,',
      `L’instruction du dossier ${ref(d)} (${product(d)}) s’achève sur un rapport défavorable ; le collège technique statuera.`,
      'Non-conformités relevées :',
      d.items ?? '',
    ],
  }),
  observations_received: (d) => ({
    subject: `Observations reçues — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `L’entreprise a présenté ses observations sur le certificat ${d.number} (${product(d)}), le ${when(d.at)}.`,
    ],
  }),
  certificate_renewal_deadline: (d) => ({
    subject: `Candidature de renouvellement à déposer avant le ${when(d.dueAt)} — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `Une candidature de renouvellement du certificat ${d.number} (${product(d)}) doit être déposée au plus tard le ${when(d.dueAt)} (${d.reason ?? 'nouvelle version du référentiel'}, art. R.1470-11 du code de la santé publique).`,
      `Il reste ${d.daysLeft} jours. Déposée à temps, elle maintient le certificat jusqu’à la fin de son instruction ; sans candidature déposée à cette date, le certificat prend fin.`,
    ],
  }),
  certificate_expired_renewal: (d) => ({
    subject: `Fin du certificat ${d.number} — renouvellement non obtenu`,
    lines: [
      'Bonjour,',
      `Le certificat ${d.number} (${product(d)}) a pris fin le ${when(d.at)} : son renouvellement, requis pour le ${when(d.dueAt)}, n’a pas abouti (${d.reason ?? 'nouvelle version du référentiel'}).`,
      'Il est retiré de la liste publique des systèmes certifiés.',
    ],
  }),
  convention_term_reminder: (d) => ({
    subject: `Échéance de la convention le ${when(d.dueAt)} — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `La convention du certificat ${d.number} (${product(d)}) arrive à son échéance le ${when(d.dueAt)}, dans ${d.daysLeft} jours.`,
      `Elle sera reconduite tacitement pour ${inWords(CLOCKS.convention_term.period)}, sauf si vous dénoncez sa reconduction avant cette date depuis la page du certificat.`,
    ],
  }),
  convention_non_renewal_notice: (d) => ({
    subject: `Non-reconduction de la convention — certificat ${d.number}`,
    lines: [
      'Bonjour,',
      `La reconduction tacite de la convention du certificat ${d.number} (${product(d)}) a été dénoncée par ${d.party}.`,
      `Le certificat prendra fin à l’échéance de la convention, le ${when(d.dueAt)}.`,
    ],
  }),
  convention_not_renewed: (d) => ({
    subject: `Fin du certificat ${d.number} — convention non reconduite`,
    lines: [
      'Bonjour,',
      `La convention du certificat ${d.number} (${product(d)}) n’a pas été reconduite : le certificat a pris fin le ${when(d.at)}.`,
      'Il est retiré de la liste publique des systèmes certifiés.',
    ],
  }),
} satisfies Partial<Renderers>;

/**
 * A notified act (API.md [1.2]): the mail says where the document is and when it counts as
 * received — when the company opens it on the portal, or at the latest at its deemed receipt.
 */
function receiptNotice(d: object): string[] {
  const at = (d as { deemedReceivedAt?: string | null }).deemedReceivedAt;
  return typeof at === 'string'
    ? [
        '',
        `Ce courrier vous est notifié sur le portail de certification : il est reçu à la date où vous l’y ouvrez, et au plus tard le ${when(at)}, date à laquelle il est réputé reçu. Les délais qu’il ouvre courent de sa réception.`,
      ]
    : [];
}

/** R.1470-4 al. 2: every decision mail states the means and time limits of appeal. */
function appeal(d: { appeal?: string }): string[] {
  return d.appeal ? ['', d.appeal] : [];
}

const SIGNATURE = ['—', 'Agence du Numérique en Santé — certification des SI de téléconsultation'];

/** Every template has its renderer: a missing one does not compile. */
const RENDERERS: Renderers = { ...TEMPLATES, ...MORE_TEMPLATES };

export const renderMail = <T extends MailTemplate>(template: T, data: MailDataByTemplate[T]) => {
  const { subject, lines } = (RENDERERS[template] as (d: MailDataByTemplate[T]) => Rendered)(data);
  const all = [...lines, ...receiptNotice(data), '', ...SIGNATURE];
  return {
    subject,
    text: all.join('\n'),
    html: `<!doctype html><html lang="fr"><body>${all.map((l) => (l ? `<p>${escapeHtml(l)}</p>` : '')).join('')}</body></html>`,
  };
};
