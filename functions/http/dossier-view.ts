import type { StoredDossier } from '../domain/ports';
import { uploadView, type Upload } from '../domain/upload';

export { uploadView };
import { isStaff, type Caller } from '../domain/caller';
import type { Dossier } from '../domain/dossier';
import { decisionClockView } from '../domain/decision-clock';
import { decisionView } from '../domain/decision';
import { notificationView } from '../domain/notifications';
import { dossierRetention } from '../domain/retention-dates';

/** Staff user ids are ANS's internal business: a candidate sees who acted by role, not by account. */
const withoutStaffIds = (dossier: Dossier): Dossier => {
  const { instructionReport, decision, infoRequests, assignee: _assignee, ...rest } = dossier;
  return {
    ...rest,
    ...(instructionReport ? { instructionReport: { ...instructionReport, by: 'ans' } } : {}),
    ...(decision ? { decision: { ...decision, decidedBy: decision.decidedBy === 'system' ? 'system' : 'ans' } } : {}),
    ...(infoRequests ? { infoRequests: infoRequests.map((r) => ({ ...r, openedBy: 'ans' })) } : {}),
  };
};

/** The dossier as the API shows it (API.md `GET /v1/dossiers/{id}`), to `viewer`. */
export const dossierView = (stored: StoredDossier, uploads: Upload[], viewer: Caller) => {
  const { remindersSent: _reminders, ...all } = stored.dossier;
  const dossier = isStaff(viewer) ? all : withoutStaffIds(all as Dossier);
  const decisionClock = decisionClockView(dossier);
  const { decision, notifications, convention } = dossier;
  const retention = dossierRetention(stored.dossier);
  return {
    ...dossier,
    ...(retention ? { retention } : {}),
    ...(convention
      ? { convention: { ...convention, status: convention.signedAt ? 'signed' : 'awaiting_signature' } }
      : {}),
    ...(decisionClock ? { decisionClock } : {}),
    ...(decision ? { decision: decisionView(decision) } : {}),
    notifications: (notifications ?? []).map(notificationView),
    infoRequests: dossier.infoRequests ?? [],
    uploads: uploads.map(uploadView),
    version: stored.version,
  };
};
