import type { Schemas } from '../api/client';
import { CommandButton } from '../ui/command-form';
import { formatDateTime } from '../ui/format';
import { NOTIFICATION_LABELS } from '../ui/labels';
import { Section } from '../ui/section';

type Notification = Schemas['Dossier']['notifications'][number];

export const RECEIPT_LABELS = {
  opened: 'ouverte sur le portail',
  deemed: 'réputée reçue',
  recorded: 'remise par un autre moyen',
} as const;

/**
 * The acts notified to the company (R.1470-4 al. 2): each with its certain date of receipt. The
 * company opens one to take note of it — the time limits it opens run from that instant, or from
 * the date it is deemed received.
 */
export const NotificationsPanel = ({
  notifications,
  busy,
  onOpen,
}: {
  notifications: Notification[];
  busy: boolean;
  /** absent for staff: only the company opens its notifications */
  onOpen?: (id: string) => void;
}) =>
  notifications.length ? (
    <Section id="notifications" title="Notifications de l’ANS">
      <ul className="fr-raw-list">
        {[...notifications].reverse().map((n) => (
          <li key={n.id} className="fr-mb-2w">
            <p className="fr-mb-1v">
              <strong>{NOTIFICATION_LABELS[n.kind]}</strong> — notifiée le {formatDateTime(n.issuedAt)}
            </p>
            {n.receipt && n.receivedAt ? (
              <p className="fr-text--sm fr-mb-0">
                Reçue le {formatDateTime(n.receivedAt)} ({RECEIPT_LABELS[n.receipt]}).
              </p>
            ) : (
              <>
                <p className="fr-text--sm fr-mb-1v">
                  {n.deemedReceivedAt
                    ? `Sans ouverture, elle sera réputée reçue le ${formatDateTime(n.deemedReceivedAt)}.`
                    : 'Vos adresses de contact sont injoignables : l’ANS vous la remettra par un autre moyen.'}
                </p>
                {onOpen && (
                  <CommandButton priority="secondary" busy={busy} onRun={() => onOpen(n.id)}>
                    {`Prendre connaissance : ${NOTIFICATION_LABELS[n.kind].toLowerCase()}`}
                  </CommandButton>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </Section>
  ) : null;
