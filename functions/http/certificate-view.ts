import { certificateView, type Certificate } from '../domain/certificate';
import { renewalView } from '../domain/certificate-life';
import { notificationView, withDeemedReceipts } from '../domain/notifications';

/**
 * The certificate as its company and ANS read it (API.md [1.2]): its true status, its
 * notifications (receipts deemed by `now` shown as such), its required renewal and its whole life.
 */
export const companyCertificateView = (c: Certificate, now: Date) => {
  const renewal = renewalView(c);
  return {
    ...certificateView(c),
    notifications: withDeemedReceipts(c.notifications, now).notifications.map(notificationView),
    ...(renewal ? { renewal } : {}),
    ...(c.tacitReview ? { tacitReview: c.tacitReview } : {}),
    life: c,
  };
};
