import { useState } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDateTime } from '../ui/format';

/** The exchange between the company and ANS on a dossier. */
export const MessagesPanel = ({ dossierId }: { dossierId: string }) => {
  const { data, error, reload } = useLoad(
    () => unwrap(api.GET('/v1/dossiers/{id}/messages', { params: { path: { id: dossierId }, query: { limit: 100 } } })),
    [dossierId],
  );
  const [body, setBody] = useState('');
  const command = useCommand();
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    const ok = await command.run(() =>
      unwrap(api.POST('/v1/dossiers/{id}/messages', { params: { path: { id: dossierId } }, body: { body } })),
    );
    if (ok) {
      setBody('');
      await reload();
    }
  };
  return (
    <section aria-labelledby="messages-title" className="fr-mb-4w">
      <h2 id="messages-title" className="fr-h4">
        Messages
      </h2>
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
      <form onSubmit={(e) => void send(e)}>
        <Input
          label="Nouveau message"
          textArea
          nativeTextAreaProps={{
            value: body,
            onChange: (e) => setBody(e.target.value),
            name: 'message',
            required: true,
          }}
        />
        <Button type="submit" disabled={command.busy || !body.trim()}>
          Envoyer le message
        </Button>
      </form>
    </section>
  );
};
