import type { RetentionCategory } from './retention';

/**
 * The inventory of personal data (RGPD art. 30): every field of every stored record, classified.
 * `test/unit/personal-data-inventory.test.ts` reads the records' TypeScript declarations and fails
 * on a field that is neither here nor in `NOT_PERSONAL` (a new field must be classified before it
 * ships), and on an entry that names no field any more; `docs/rgpd/inventaire.md` is generated
 * from this file (`npm run rgpd:inventory`; a test fails while it is stale).
 */
export type PersonalCategory = 'identity' | 'contact' | 'account' | 'free_text' | 'acts';

export const CATEGORY_LABELS: Record<PersonalCategory, string> = {
  identity: 'identité (nom, prénom)',
  contact: 'coordonnées (adresse électronique, téléphone)',
  account: 'identifiant de compte (pseudonyme : l’identifiant Cognito, ou celui d’un client d’API)',
  free_text: 'texte libre, qui peut nommer une personne',
  acts: 'actes d’une personne (qui a fait quoi, quand)',
};

/** Where a record lives besides the table (its items are all in the DynamoDB table). */
export type Store = 'table' | 'mail' | 'exports' | 'identity provider' | 'portal';

export interface PersonalField {
  /** `Record.path`, `[]` for an array's items, `{}` for a map's values */
  path: string;
  category: PersonalCategory;
  /** whose data */
  subjects: string;
  purpose: string;
  /** how long: the record's own category, or the dossier's (draft, closed, certified) */
  retention: RetentionCategory | 'follows_dossier';
  stores: Store[];
}

const BASIS = 'RGPD art. 6-1-e (mission d’intérêt public : CSP art. R.1470-1 et suivants)';
export const LEGAL_BASIS = BASIS;

const REPRESENTATIVES = 'représentant légal et contact de l’entreprise';
const ACCOUNTS = 'titulaires de comptes (représentants des entreprises, agents de l’ANS) et clients d’API';
const STAFF = 'agents de l’ANS';

const field = (
  path: string,
  category: PersonalCategory,
  subjects: string,
  purpose: string,
  retention: PersonalField['retention'] = 'follows_dossier',
  stores: Store[] = ['table'],
): PersonalField => ({ path, category, subjects, purpose, retention, stores });

const person = (prefix: string, subjects: string, purpose: string, stores: Store[]) => [
  field(`${prefix}.firstName`, 'identity', subjects, purpose, 'follows_dossier', stores),
  field(`${prefix}.lastName`, 'identity', subjects, purpose, 'follows_dossier', stores),
  field(`${prefix}.email`, 'contact', subjects, purpose, 'follows_dossier', stores),
  field(`${prefix}.phone`, 'contact', subjects, purpose, 'follows_dossier', stores),
];

/** A mail's part: the company's representatives', kept as mail is (sent, then 90 days). */
const mailed = (path: string, category: PersonalCategory) =>
  field(path, category, REPRESENTATIVES, 'envoyer les courriels de la procédure', 'mail', ['table', 'mail']);
/** What a mail opening or closing an account carries to the identity provider. */
const forAccount = (path: string, category: PersonalCategory, subjects: string, purpose: string) =>
  field(path, category, subjects, purpose, 'mail', ['table', 'identity provider']);
const INVITED = 'représentant légal invité';
/** A file's name as the company gave it: it may name someone, and it is in the exports too. */
const fileName = (path: string, purpose: string) =>
  field(path, 'free_text', REPRESENTATIVES, purpose, 'follows_dossier', ['table', 'exports']);
const SIGNATORY = 'signataire de la convention';
const GROUP_MEMBERS = 'membres d’un groupement (un professionnel de santé en exercice de ville)';

const ACTED = 'prouver qui a fait chaque acte de la procédure (journal, recours)';
const WROTE = 'garder ce qui a été écrit dans la procédure (recours, contrôle)';

export const PERSONAL_FIELDS: readonly PersonalField[] = [
  ...person('Company.legalRepresentative', REPRESENTATIVES, 'notifier les actes de la procédure à l’entreprise', [
    'table',
    'mail',
    'identity provider',
  ]),
  ...person('Company.contact', REPRESENTATIVES, 'notifier les actes de la procédure à l’entreprise', ['table', 'mail']),
  field('Dossier.createdBy', 'account', ACCOUNTS, ACTED),
  field('Dossier.assignee.sub', 'account', STAFF, 'savoir quel agent a le dossier en charge'),
  field('Dossier.assignee.email', 'contact', STAFF, 'savoir quel agent a le dossier en charge'),
  field('Dossier.infoRequests[].openedBy', 'account', STAFF, ACTED),
  field('Dossier.infoRequests[].answeredBy', 'account', ACCOUNTS, ACTED),
  field('Dossier.infoRequests[].answer', 'free_text', REPRESENTATIVES, WROTE),
  field('Dossier.sections', 'account', ACCOUNTS, ACTED),
  field('Dossier.instructionReport.by', 'account', STAFF, ACTED),
  field('Dossier.convention.signatoryName', 'identity', SIGNATORY, 'prouver la signature de la convention'),
  field('Dossier.convention.signedBy', 'account', ACCOUNTS, ACTED),
  field('Dossier.decision.decidedBy', 'account', STAFF, ACTED),
  field('Dossier.decision.receivedBy', 'account', ACCOUNTS, ACTED),
  field('Dossier.insTestDay.comment', 'free_text', STAFF, WROTE),
  field('Dossier.closure.by', 'account', STAFF, ACTED),
  field('Dossier.notifications[].recordedMeans', 'free_text', STAFF, 'prouver la réception d’une notification'),
  field(
    'Dossier.group.members[].name',
    'identity',
    GROUP_MEMBERS,
    'identifier les membres couverts par la candidature',
  ),
  field('Message.from.sub', 'account', ACCOUNTS, ACTED),
  field('StaffNote.by.sub', 'account', STAFF, ACTED),
  field('StaffNote.body', 'free_text', STAFF, 'garder les notes de travail des agents sur un dossier'),
  field('Message.body', 'free_text', ACCOUNTS, WROTE),
  fileName('Message.attachments[].fileName', 'identifier un fichier joint à un message'),
  fileName('Upload.fileName', 'identifier une preuve déposée'),
  field('Upload.createdBy', 'account', ACCOUNTS, ACTED),
  field('Upload.review.comment', 'free_text', STAFF, WROTE),
  field('Upload.review.by', 'account', STAFF, ACTED),
  field('Upload.reviews[].comment', 'free_text', STAFF, WROTE),
  field('Upload.reviews[].by', 'account', STAFF, ACTED),
  field('Upload.groupMember', 'identity', 'membres d’un groupement', 'identifier le membre qu’un mandat couvre'),
  field('ApiClient.createdBy', 'account', REPRESENTATIVES, ACTED, 'api_clients_and_webhooks'),
  field('ApiClient.revokedBy', 'account', REPRESENTATIVES, ACTED, 'api_clients_and_webhooks'),
  field('WebhookSubscription.createdBy', 'account', ACCOUNTS, ACTED, 'api_clients_and_webhooks'),
  field('Certificate.formalNotices[].issuedBy', 'account', STAFF, ACTED),
  field('Certificate.formalNotices[].response.message', 'free_text', REPRESENTATIVES, WROTE),
  field('Certificate.formalNotices[].response.by', 'account', ACCOUNTS, ACTED),
  field('Certificate.observationsNotice.by', 'account', STAFF, ACTED),
  field('Certificate.observationsNotice.facts', 'free_text', STAFF, WROTE),
  field('Certificate.observationsNotice.observations.text', 'free_text', REPRESENTATIVES, WROTE),
  field('Certificate.observationsNotice.observations.by', 'account', ACCOUNTS, ACTED),
  field('Certificate.ended.by', 'account', STAFF, ACTED),
  field('Certificate.acts[].by', 'account', STAFF, ACTED),
  field('Certificate.notifications[].recordedMeans', 'free_text', STAFF, 'prouver la réception d’une notification'),
  field('Certificate.nonRenewal.by', 'account', ACCOUNTS, ACTED),
  field('JournalEvent.actor.sub', 'acts', ACCOUNTS, ACTED),
  field('JournalEvent.data', 'free_text', ACCOUNTS, 'le détail de chaque acte (un nom de signataire, une raison)'),
  mailed('OutboxMessage.to[]', 'contact'),
  mailed('OutboxMessage.subject', 'free_text'),
  mailed('OutboxMessage.text', 'free_text'),
  mailed('OutboxMessage.html', 'free_text'),
  forAccount('OutboxMessage.revoke.email', 'contact', 'ancien représentant légal', 'fermer son compte'),
  forAccount('OutboxMessage.invite.email', 'contact', INVITED, 'ouvrir son compte'),
  forAccount('OutboxMessage.invite.firstName', 'identity', INVITED, 'ouvrir son compte'),
  forAccount('OutboxMessage.invite.lastName', 'identity', INVITED, 'ouvrir son compte'),
];

/**
 * Fields that identify nobody: ids, statuses, instants, products, the companies (legal persons),
 * hashes. A pattern ending in `.*` covers a subtree that is the procedure's own bookkeeping.
 */
export const NOT_PERSONAL: readonly string[] = [
  'Company.id',
  'Company.name',
  'Company.siret',
  'Company.vatNumber',
  'Company.createdAt',
  'Dossier.id',
  'Dossier.companyId',
  'Dossier.companyName',
  'Dossier.status',
  'Dossier.referentialVersion',
  'Dossier.components[].*',
  'Dossier.createdAt',
  'Dossier.updatedAt',
  'Dossier.lastCandidateActivityAt',
  'Dossier.deadlines[].*',
  'Dossier.closedAt',
  'Dossier.closedReason',
  'Dossier.submittedAt',
  'Dossier.admissibleAt',
  'Dossier.infoRequests[].id',
  'Dossier.infoRequests[].stage',
  'Dossier.infoRequests[].missingItems[]',
  'Dossier.infoRequests[].openedAt',
  'Dossier.infoRequests[].dueAt',
  'Dossier.infoRequests[].status',
  'Dossier.infoRequests[].answeredAt',
  'Dossier.infoRequests[].answerUploadIds[]',
  'Dossier.infoRequests[].notificationId',
  'Dossier.infoRequests[].fields[]',
  'Dossier.receipt.*',
  'Dossier.decisionDueAt',
  'Dossier.decisionClock.*',
  'Dossier.instructionReport.outcome',
  'Dossier.instructionReport.nonConformities[]',
  'Dossier.instructionReport.exceptional',
  'Dossier.instructionReport.at',
  'Dossier.insTestDueAt',
  'Dossier.insTestLate',
  'Dossier.exceptional',
  'Dossier.renewalOf',
  'Dossier.convention.generatedAt',
  'Dossier.convention.key',
  'Dossier.convention.signedAt',
  'Dossier.convention.productVersion',
  'Dossier.certificate.*',
  'Dossier.decision.outcome',
  'Dossier.decision.decidedAt',
  'Dossier.decision.reasons[]',
  'Dossier.decision.reservations[]',
  'Dossier.decision.appeal',
  'Dossier.decision.receivedAt',
  'Dossier.decision.appealUntil',
  'Dossier.decision.receiptHash',
  'Dossier.insTestDay.proposedDate',
  'Dossier.insTestDay.proposedAt',
  'Dossier.insTestDay.outcome',
  'Dossier.insTestDay.heldOn',
  'Dossier.insTestDay.recordedAt',
  'Dossier.insTestDay.previous[].*',
  'Dossier.closure.reasons[]',
  'Dossier.closure.at',
  'Dossier.closure.appeal',
  'Dossier.closure.appealUntil',
  'Dossier.remindersSent[]',
  'Dossier.retentionNoticeAt',
  'Dossier.reference',
  'Dossier.assignee.at',
  'Dossier.undeliverable[].*',
  'Dossier.notifications[].id',
  'Dossier.notifications[].kind',
  'Dossier.notifications[].subjectId',
  'Dossier.notifications[].issuedAt',
  'Dossier.notifications[].receivedAt',
  'Dossier.notifications[].receipt',
  'Dossier.notifications[].deemedReceivedAt',
  'Dossier.notifications[].receiptHash',
  'Dossier.nil',
  'Dossier.nie',
  'Dossier.plannedCompleteProofDate',
  'Dossier.publishPlannedDate',
  'Dossier.deployedInTeleconsultationCompany',
  'Dossier.commitment',
  'Dossier.group.members[].siret',
  'Dossier.product.*',
  'Dossier.useCase',
  'Dossier.profiles[]',
  'Message.id',
  'Message.dossierId',
  'Message.from.side',
  'Message.from.role',
  'Message.at',
  'Message.attachments[].uploadId',
  'Message.attachments[].contentType',
  'Message.attachments[].size',
  'Message.attachments[].sha256',
  'Upload.id',
  'Upload.dossierId',
  'Upload.purpose',
  'Upload.requirementId',
  'Upload.requestId',
  'Upload.contentType',
  'Upload.size',
  'Upload.sha256',
  'Upload.store',
  'Upload.key',
  'Upload.status',
  'Upload.createdAt',
  'Upload.expiresAt',
  'Upload.receivedAt',
  'Upload.rejectedAt',
  'Upload.rejectedReason',
  'Upload.withdrawnAt',
  'Upload.messageId',
  'Upload.scan.*',
  'Upload.multipart.*',
  'Upload.review.verdict',
  'Upload.review.at',
  'Upload.reviews[].verdict',
  'Upload.reviews[].at',
  'ApiClient.clientId',
  'ApiClient.companyId',
  'ApiClient.name',
  'ApiClient.createdAt',
  'ApiClient.revokedAt',
  'Certificate.number',
  'Certificate.dossierId',
  'Certificate.companyId',
  'Certificate.companyName',
  'Certificate.product.*',
  'Certificate.referentialVersion',
  'Certificate.profiles[]',
  'Certificate.status',
  'Certificate.grantedAt',
  'Certificate.grantedBy',
  'Certificate.withReservations',
  'Certificate.reservations[]',
  'Certificate.plannedCompleteProofDate',
  'Certificate.updatedAt',
  'Certificate.conventionTermAt',
  'Certificate.renewals[].*',
  'Certificate.formalNotices[].id',
  'Certificate.formalNotices[].nonConformities[]',
  'Certificate.formalNotices[].issuedAt',
  'Certificate.formalNotices[].respondBy',
  'Certificate.formalNotices[].status',
  'Certificate.formalNotices[].response.at',
  'Certificate.formalNotices[].closedAt',
  'Certificate.formalNotices[].lapseNotifiedAt',
  'Certificate.observationsNotice.at',
  'Certificate.observationsNotice.respondBy',
  'Certificate.observationsNotice.observations.at',
  'Certificate.remindersSent[]',
  'Certificate.ended.status',
  'Certificate.ended.at',
  'Certificate.ended.ground',
  'Certificate.ended.faultCase',
  'Certificate.ended.reason',
  'Certificate.ended.reasons[]',
  'Certificate.acts[].kind',
  'Certificate.acts[].reasons[]',
  'Certificate.acts[].at',
  'Certificate.acts[].appeal',
  'Certificate.exceptionalExpiresAt',
  'Certificate.renewalRequiredBy',
  'Certificate.renewalReason',
  'Certificate.renewalDetails',
  'Certificate.substantialChange.*',
  'Certificate.replacedBy',
  'Certificate.notifications[].id',
  'Certificate.notifications[].kind',
  'Certificate.notifications[].subjectId',
  'Certificate.notifications[].issuedAt',
  'Certificate.notifications[].receivedAt',
  'Certificate.notifications[].receipt',
  'Certificate.notifications[].deemedReceivedAt',
  'Certificate.notifications[].receiptHash',
  'Certificate.renewalApplication.*',
  'Certificate.tacitReview.*',
  'Certificate.nonRenewal.at',
  'Certificate.nonRenewal.party',
  'Certificate.nonRenewal.reasons[]',
  'StaffNote.id',
  'StaffNote.dossierId',
  'StaffNote.by.role',
  'StaffNote.at',
  'JournalEvent.dossierId',
  'JournalEvent.seq',
  'JournalEvent.type',
  'JournalEvent.at',
  'JournalEvent.actor.role',
  'JournalEvent.prevHash',
  'JournalEvent.hash',
  'JournalEvent.timestamp.*',
  // the digest stands for the personal part; the salt is random (erased with the part)
  'JournalEvent.salt',
  'JournalEvent.personalDigest',
  'JournalEvent.purgedAt',
  // a tombstone names no one (domain/dossier-rules/retention.ts)
  'PurgedDossier.*',
  'WebhookSubscription.id',
  'WebhookSubscription.companyId',
  'WebhookSubscription.url',
  'WebhookSubscription.events[]',
  'WebhookSubscription.secret',
  'WebhookSubscription.status',
  'WebhookSubscription.createdAt',
  'WebhookSubscription.disabledAt',
  'WebhookSubscription.disabledReason',
  // deliveries carry ids and statuses only (domain/webhooks.ts): nothing of a person
  'WebhookDelivery.*',
  'OutboxMessage.id',
  'OutboxMessage.template',
  'OutboxMessage.createdAt',
  'OutboxMessage.dossierId',
  'OutboxMessage.invite.ensId',
  'OutboxMessage.revoke.ensId',
];

/** The records the inventory covers, by the file that declares each. */
export const STORED_RECORDS: Record<string, string> = {
  Company: 'functions/domain/company.ts',
  Dossier: 'functions/domain/dossier-model.ts',
  Message: 'functions/domain/message.ts',
  StaffNote: 'functions/domain/staff-notes.ts',
  Upload: 'functions/domain/upload.ts',
  ApiClient: 'functions/domain/api-clients.ts',
  WebhookSubscription: 'functions/domain/webhooks.ts',
  WebhookDelivery: 'functions/domain/webhooks.ts',
  JournalEvent: 'functions/domain/journal.ts',
  PurgedDossier: 'functions/domain/dossier-rules/retention.ts',
  Certificate: 'functions/domain/certificate.ts',
  OutboxMessage: 'functions/domain/outbox.ts',
};

/** What an erased field reads: an account id, a name or a text that is no longer there. */
export const ERASED = 'effacé';

/**
 * A record with every field the inventory classifies as personal replaced by `ERASED` (strings,
 * and strings in arrays): the erasure follows the inventory, so a field classified tomorrow is
 * erased tomorrow. Other fields, and the record's shape, stay as they are.
 */
export const erasePersonalFields = <T>(record: keyof typeof STORED_RECORDS, value: T): T => {
  const erase = (node: unknown, segments: string[]): unknown => {
    if (node === undefined || node === null) return node;
    const [head, ...rest] = segments;
    if (head === undefined)
      return typeof node === 'string' ? ERASED : Array.isArray(node) ? node.map(() => ERASED) : node;
    const name = head.replace(/(\[\]|\{\})$/, '');
    if (typeof node !== 'object' || Array.isArray(node)) return node;
    const child = (node as Record<string, unknown>)[name];
    if (child === undefined) return node;
    const next = head.endsWith('[]')
      ? Array.isArray(child)
        ? child.map((item) => erase(item, rest))
        : child
      : head.endsWith('{}')
        ? Object.fromEntries(Object.entries(child as object).map(([k, v]) => [k, erase(v, rest)]))
        : erase(child, rest);
    return { ...(node as object), [name]: next };
  };
  let erased: unknown = value;
  for (const field of PERSONAL_FIELDS)
    if (field.path.startsWith(`${record}.`)) erased = erase(erased, field.path.split('.').slice(1));
  return erased as T;
};

/** How a field path is classified: a personal field, `not_personal`, or `undefined` (unclassified). */
export const classify = (path: string): PersonalField | 'not_personal' | undefined => {
  const personal = PERSONAL_FIELDS.find((f) => f.path === path);
  if (personal) return personal;
  const covered = NOT_PERSONAL.some((p) => (p.endsWith('.*') ? path.startsWith(p.slice(0, -1)) : p === path));
  return covered ? 'not_personal' : undefined;
};
