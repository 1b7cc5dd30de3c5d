import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { ROLE_LABELS } from '../../auth/session';
import { useSession } from '../../auth/use-session';
import { formatDateTime } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/labels';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { useCommands, useLoad } from '../../ui/use-load';
import { CommandForm, TextField, useField } from '../../ui/command-form';
import { SuccessNotice } from '../../ui/problem-alert';

const AS_LABELS: Record<string, string> = { legalRepresentative: 'représentant légal', contact: 'contact' };

/**
 * « Mes données » (RGPD art. 15 and 20): what the platform holds about the signed-in person, and
 * the same as a JSON file. Each visit is a request, recorded by the service.
 */
export const MyDataPage = () => {
  const session = useSession();
  const { data, error, loading, reload } = useLoad(
    async () => (session ? unwrap(api.GET('/v1/me/data')) : undefined),
    [session?.token],
  );
  const { command, act } = useCommands(reload);
  const phone = useField();
  const download = () => {
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'mes-donnees.json';
    link.click();
    URL.revokeObjectURL(link.href);
  };
  if (!session)
    return (
      <Page title="Mes données">
        <p>
          <Link href="/connexion?retour=%2Fmes-donnees">Connectez-vous</Link> pour consulter les données que la
          plateforme conserve sur vous.
        </p>
      </Page>
    );
  return (
    <Page title="Mes données">
      <p>
        Ce que la plateforme conserve sur vous, et pour combien de temps (voir{' '}
        <Link href="/donnees-personnelles">Données personnelles</Link>). Chaque consultation de cette page est
        enregistrée.
      </p>
      <ProblemAlert error={error} />
      {loading && <Loading />}
      {data && (
        <>
          <Button iconId="fr-icon-download-line" onClick={download} className="fr-mb-4w">
            Télécharger mes données (JSON)
          </Button>
          <Section id="compte" title="Votre compte">
            <ul>
              <li>Identifiant : {data.person.sub}</li>
              {data.person.email && <li>Adresse électronique : {data.person.email}</li>}
              <li>
                Rôles : {data.person.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join(', ')}
              </li>
            </ul>
          </Section>
          {data.companies.length > 0 && (
            <Section id="entreprise" title="Votre entreprise">
              {data.companies.map((c) => (
                <div key={c.id}>
                  <p>
                    {c.name}
                    {c.as.length > 0 && <> — vous en êtes le {c.as.map((a) => AS_LABELS[a] ?? a).join(' et le ')}</>}
                  </p>
                  {c.person && (
                    <>
                      <p>
                        Ce que l’ANS a de vous : {c.person.firstName} {c.person.lastName}, {c.person.email},{' '}
                        {c.person.phone}.
                      </p>
                      <ProblemAlert error={command.error} />
                      <SuccessNotice message={command.done} />
                      <CommandForm
                        submit="Corriger mon téléphone"
                        busy={command.busy}
                        ready={phone.value.trim().length > 0}
                        onSubmit={() =>
                          act(
                            () => unwrap(api.PATCH('/v1/me/contact', { body: { phone: phone.value } })),
                            'Votre téléphone est corrigé.',
                          )
                        }
                      >
                        <TextField label="Nouveau téléphone" type="tel" autoComplete="tel" name="phone" {...phone} />
                      </CommandForm>
                    </>
                  )}
                </div>
              ))}
            </Section>
          )}
          <Section id="dossiers" title={`Dossiers où vous avez agi (${data.dossiers.length})`}>
            <ul>
              {data.dossiers.map((d) => (
                <li key={d.id}>
                  {d.product.name} {d.product.version} — {STATUS_LABELS[d.status]}
                </li>
              ))}
            </ul>
          </Section>
          <Section id="messages" title={`Vos messages (${data.messages.length})`}>
            <ul>
              {data.messages.map((m) => (
                <li key={`${m.dossierId}-${m.at}`}>
                  {formatDateTime(m.at)} : {m.body}
                </li>
              ))}
            </ul>
          </Section>
          <Section id="actes" title={`Vos actes au journal des dossiers (${data.acts.length})`}>
            <p>
              Chaque acte est consigné au journal du dossier, scellé et horodaté : c’est la preuve de la procédure.
              {data.downloads.length > 0 && <> Dont {data.downloads.length} téléchargement(s) de preuves.</>}
            </p>
          </Section>
          <Section id="demandes" title="Vos demandes d’accès">
            <ul>
              {data.requests.map((r) => (
                <li key={r.at}>{formatDateTime(r.at)}</li>
              ))}
            </ul>
          </Section>
        </>
      )}
    </Page>
  );
};
