import type { Caller } from '../domain/caller';
import { openNotification, recordReceipt } from '../domain/dossier-rules/notifications';
import { findNotification, notificationView } from '../domain/notifications';
import type { Dependencies } from '../container';
import { commitChange } from './commit-dossier';
import { loadOwnDossier } from './legal-effects';

/**
 * The company opens a notification of its dossier (R.1470-4 al. 2: a certain date of receipt).
 * Input: dossier and notification ids. Output: the notification with its receipt; the first
 * opening counts, a later one (or one after the deemed receipt) changes nothing.
 */
export const openDossierNotification = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  notificationId: string,
) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  const change = openNotification(dossier, notificationId, caller, deps.clock.now(), deps.calendar);
  const saved = change ? (await commitChange(deps, stored, change)).dossier : dossier;
  return notificationView(findNotification(saved.notifications, notificationId));
};

/**
 * ANS records how and when it reached a company its mail could not reach (every contact
 * undeliverable): the receipt the time limits then run from. Input: ids, `{ receivedAt, means }`.
 */
export const recordDossierReceipt = async (
  deps: Dependencies,
  caller: Caller,
  id: string,
  notificationId: string,
  input: { receivedAt: string; means: string },
) => {
  const { stored, dossier } = await loadOwnDossier(deps, caller, id);
  const change = recordReceipt(dossier, notificationId, input, caller, deps.clock.now(), deps.calendar);
  const saved = change ? (await commitChange(deps, stored, change)).dossier : dossier;
  return notificationView(findNotification(saved.notifications, notificationId));
};
