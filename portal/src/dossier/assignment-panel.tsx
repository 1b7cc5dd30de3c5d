import { Button } from '@codegouvfr/react-dsfr/Button';
import { isAllowed } from '../../../functions/domain/dossier-commands';
import { postOnDossier, type Dossier } from '../api/client';
import { currentSession } from '../auth/session';
import { formatDateTime } from '../ui/format';

/** Who at ANS has the dossier in hand, and the one button to take it (from a colleague too) or give it back. */
export const AssignmentPanel = ({
  dossier,
  act,
  busy,
}: {
  dossier: Dossier;
  act: (call: () => Promise<unknown>, success: string) => unknown;
  busy: boolean;
}) => {
  if (!isAllowed('assign', dossier.status)) return null;
  const me = currentSession()?.sub;
  const assignee = dossier.assignee;
  const mine = assignee?.sub === me;
  const assign = (action: 'take' | 'release', success: string) =>
    act(() => postOnDossier('/v1/dossiers/{id}/assignment', dossier.id, { action }), success);
  return (
    <div className="fr-callout fr-mb-4w">
      <p className="fr-callout__text fr-mb-2w">
        {assignee
          ? `Pris en charge par ${mine ? 'vous' : (assignee.email ?? assignee.sub)} depuis le ${formatDateTime(assignee.at)}.`
          : 'Aucun agent n’a encore pris ce dossier en charge.'}
      </p>
      {mine ? (
        <Button priority="secondary" disabled={busy} onClick={() => void assign('release', 'Dossier libéré.')}>
          Libérer le dossier
        </Button>
      ) : (
        <Button disabled={busy} onClick={() => void assign('take', 'Dossier pris en charge.')}>
          {assignee ? 'Reprendre ce dossier' : 'Je prends ce dossier'}
        </Button>
      )}
    </div>
  );
};
