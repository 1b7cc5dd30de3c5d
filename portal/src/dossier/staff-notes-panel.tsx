import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDateTime } from '../ui/format';
import { ACTOR_LABELS, labelOf } from '../ui/labels';
import { CommandForm, TextAreaField } from '../ui/command-form';
import { Section } from '../ui/section';

/** Notes between ANS staff on a dossier: a hand-over, a reminder, a reviewer's remark — never shown to the company. */
export const StaffNotesPanel = ({ dossierId }: { dossierId: string }) => {
  const { data, error, reload } = useLoad(
    () => unwrap(api.GET('/v1/dossiers/{id}/notes', { params: { path: { id: dossierId }, query: { limit: 100 } } })),
    [dossierId],
  );
  const [body, setBody] = useState('');
  const command = useCommand();
  const add = async () => {
    const ok = await command.run(() =>
      unwrap(api.POST('/v1/dossiers/{id}/notes', { params: { path: { id: dossierId } }, body: { body } })),
    );
    if (ok) {
      setBody('');
      await reload();
    }
  };
  return (
    <Section id="notes-internes" title="Notes internes">
      <p className="fr-text--sm">Entre agents de l’ANS : jamais montrées à l’entreprise, ni dans son journal.</p>
      <ProblemAlert error={error ?? command.error} />
      {data?.items.length === 0 && <p className="fr-text--sm">Aucune note.</p>}
      <ul className="fr-raw-list">
        {data?.items.map((n) => (
          <li key={n.id} className="fr-mb-2w">
            <p className="fr-text--sm fr-mb-0">
              <strong>{labelOf(ACTOR_LABELS, n.by.role)}</strong> — {formatDateTime(n.at)}
            </p>
            <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {n.body}
            </p>
          </li>
        ))}
      </ul>
      <CommandForm submit="Ajouter la note" busy={command.busy} ready={Boolean(body.trim())} onSubmit={add}>
        <TextAreaField label="Nouvelle note interne" name="note" value={body} onChange={setBody} required />
      </CommandForm>
    </Section>
  );
};
