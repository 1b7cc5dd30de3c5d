import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDateTime } from '../ui/format';
import { CommandForm, TextAreaField } from '../ui/command-form';
import { Section } from '../ui/section';

/** The exchange between the company and ANS on a dossier; closed with the dossier (read only then). */
export const MessagesPanel = ({ dossierId, open = true }: { dossierId: string; open?: boolean }) => {
  const { data, error, reload } = useLoad(
    () => unwrap(api.GET('/v1/dossiers/{id}/messages', { params: { path: { id: dossierId }, query: { limit: 100 } } })),
    [dossierId],
  );
  const [body, setBody] = useState('');
  const command = useCommand();
  const send = async () => {
    const ok = await command.run(() =>
      unwrap(api.POST('/v1/dossiers/{id}/messages', { params: { path: { id: dossierId } }, body: { body } })),
    );
    if (ok) {
      setBody('');
      await reload();
    }
  };
  return (
    <Section id="messages" title="Messages">
      <ProblemAlert error={error ?? command.error} />
      {data?.items.length === 0 && <p className="fr-text--sm">Aucun message.</p>}
      <ul className="fr-raw-list">
        {data?.items.map((m) => (
          <li key={m.id} className="fr-mb-2w">
            <p className="fr-text--sm fr-mb-0">
              <strong>{m.from.side === 'ans' ? 'ANS' : 'Entreprise'}</strong> — {formatDateTime(m.at)}
            </p>
            <p className="fr-mb-0" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </p>
          </li>
        ))}
      </ul>
      {open ? (
        <CommandForm submit="Envoyer le message" busy={command.busy} ready={Boolean(body.trim())} onSubmit={send}>
          <TextAreaField label="Nouveau message" name="message" value={body} onChange={setBody} required />
        </CommandForm>
      ) : (
        <p className="fr-text--sm">Le dossier est clos : sa messagerie aussi.</p>
      )}
    </Section>
  );
};
