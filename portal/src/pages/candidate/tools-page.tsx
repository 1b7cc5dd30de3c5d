import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { useState } from 'react';
import { api, unwrap, type Schemas } from '../../api/client';
import { currentSession } from '../../auth/session';
import { portalConfig } from '../../auth/portal-config';
import { CommandButton, CommandForm, TextField, useField } from '../../ui/command-form';
import { formatDateTime } from '../../ui/format';
import { Loading, Page } from '../../ui/page';
import { PageSummary } from '../../ui/page-summary';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { useCommands, useLoad } from '../../ui/use-load';
import { DELIVERY_STATUS_LABELS, WEBHOOK_EVENT_LABELS } from '../../../../functions/domain/labels-fr';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../../../functions/domain/webhook-events';
import { DataTable } from '../../ui/data-table';

type Webhook = Schemas['Webhooks']['items'][number];

/** A secret the service shows once: copied now or lost (a new client or webhook is then needed). */
const ShownOnce = ({ title, rows }: { title: string; rows: [string, string][] }) => (
  <div role="status" className="fr-mb-3w">
    <Alert
      severity="warning"
      title={title}
      description={
        <>
          <span>Copiez-le maintenant : il ne sera plus jamais affiché, ni par la plateforme ni par l’ANS.</span>
          <dl className="fr-mt-1w">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  <code>{value}</code>
                </dd>
              </div>
            ))}
          </dl>
        </>
      }
    />
  </div>
);

/**
 * « Intégrer vos outils »: a company's API clients (client-credentials grant) and webhooks (signed
 * Standard Webhooks deliveries) with their delivery log — what its quality system or CI needs to
 * file and follow candidatures without a person at the portal.
 */
export const ToolsPage = () => {
  const companyId = currentSession()?.ensId ?? '';
  const company = { params: { path: { id: companyId } } };
  const { data, error, loading, reload } = useLoad(
    async () => ({
      clients: await unwrap(api.GET('/v1/companies/{id}/api-clients', company)),
      webhooks: await unwrap(api.GET('/v1/companies/{id}/webhooks', company)),
      config: await portalConfig().catch(() => ({ auth: 'local' as const })),
    }),
    [companyId],
  );
  const { command, act } = useCommands(reload);
  const clientName = useField();
  const hookUrl = useField('https://');
  const [events, setEvents] = useState<WebhookEventType[]>(['dossier.status_changed']);
  const [secret, setSecret] = useState<{ title: string; rows: [string, string][] }>();
  const [log, setLog] = useState<{ webhook: Webhook; items: Schemas['WebhookDeliveries']['items'] }>();

  const tokenUrl =
    data?.config.auth === 'cognito'
      ? `${data.config.domain}/oauth2/token`
      : `${window.location.origin}/_local/oauth2/token`;
  return (
    <Page title="Intégrer vos outils">
      <p>
        Vos outils (système qualité, chaîne d’intégration qui produit vos rapports de tests) peuvent déposer et suivre
        vos candidatures par l’API, avec les mêmes droits et les mêmes contrôles qu’un représentant de votre entreprise,
        et être prévenus de chaque changement sans interroger la plateforme.
      </p>
      <PageSummary watch={[data, log]} />
      <ProblemAlert error={command.error ?? error} />
      <SuccessNotice message={command.done} />
      {secret && <ShownOnce {...secret} />}
      {loading && !data && <Loading />}

      <Section id="clients" title="Clients d’API">
        <p>
          Un client obtient ses jetons par le flux OAuth 2.0 « client credentials » auprès de <code>{tokenUrl}</code>{' '}
          (identifiant et secret en HTTP Basic, portée <code>tlc-api/candidate</code>) ; chaque jeton vaut une heure. Un
          client révoqué est refusé aussitôt, même avec un jeton encore valide. Un client ne peut pas créer d’autres
          clients.
        </p>
        <CommandForm
          submit="Créer un client d’API"
          busy={command.busy}
          ready={clientName.value.trim().length > 0}
          onSubmit={() =>
            act(async () => {
              const created = await unwrap(
                api.POST('/v1/companies/{id}/api-clients', { ...company, body: { name: clientName.value } }),
              );
              setSecret({
                title: `Client « ${clientName.value} » créé`,
                rows: [
                  ['Identifiant du client', created.clientId],
                  ['Secret du client', created.clientSecret],
                ],
              });
              clientName.onChange('');
            }, 'Le client d’API est créé.')
          }
        >
          <TextField
            label="Nom de l’outil"
            hint="Par exemple : chaîne d’intégration, système qualité"
            name="name"
            {...clientName}
          />
        </CommandForm>
        {data && data.clients.items.length === 0 && <p className="fr-mt-2w">Aucun client d’API pour l’instant.</p>}
        {data && data.clients.items.length > 0 && (
          <DataTable
            className="fr-mt-3w"
            caption="Clients d’API de l’entreprise"
            columns={['Nom', 'Identifiant', 'Créé le', 'État', 'Action']}
            items={data.clients.items}
            row={(c) => (
              <tr key={c.clientId}>
                <td>{c.name}</td>
                <td>
                  <code>{c.clientId}</code>
                </td>
                <td>{formatDateTime(c.createdAt)}</td>
                <td>
                  {c.revokedAt ? (
                    <Badge severity="error" small>
                      Révoqué le {formatDateTime(c.revokedAt)}
                    </Badge>
                  ) : (
                    <Badge severity="success" small>
                      Actif
                    </Badge>
                  )}
                </td>
                <td>
                  {!c.revokedAt && (
                    <CommandButton
                      busy={command.busy}
                      priority="secondary"
                      confirm={`Révoquer « ${c.name} » ? Ses jetons seront refusés aussitôt.`}
                      onRun={() =>
                        act(
                          () =>
                            unwrap(
                              api.DELETE('/v1/companies/{id}/api-clients/{clientId}', {
                                params: { path: { id: companyId, clientId: c.clientId } },
                              }),
                            ),
                          `Le client « ${c.name} » est révoqué.`,
                        )
                      }
                    >
                      Révoquer
                    </CommandButton>
                  )}
                </td>
              </tr>
            )}
          />
        )}
      </Section>

      <Section id="webhooks" title="Webhooks">
        <p>
          La plateforme envoie chaque événement à votre adresse (https) par un POST signé selon Standard Webhooks
          (en-têtes <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>), dans
          l’ordre du journal de chaque dossier, au moins une fois. Sans réponse 2xx en 10 secondes, elle réessaie avec
          des délais croissants pendant 24 heures, puis désactive l’abonnement et vous écrit. Les événements ne portent
          que des identifiants et des états : jamais le contenu d’une preuve ni une donnée personnelle.
        </p>
        <CommandForm
          submit="S’abonner"
          busy={command.busy}
          ready={/^https?:\/\/\S+$/.test(hookUrl.value) && events.length > 0}
          onSubmit={() =>
            act(async () => {
              const created = await unwrap(
                api.POST('/v1/companies/{id}/webhooks', { ...company, body: { url: hookUrl.value, events } }),
              );
              setSecret({ title: 'Webhook créé', rows: [['Secret de signature', created.secret]] });
            }, 'L’abonnement est créé.')
          }
        >
          <TextField label="Adresse de réception (https)" name="url" {...hookUrl} />
          <Checkbox
            legend="Événements"
            options={WEBHOOK_EVENT_TYPES.map((type) => ({
              label: WEBHOOK_EVENT_LABELS[type],
              nativeInputProps: {
                name: 'events',
                value: type,
                checked: events.includes(type),
                onChange: (e) =>
                  setEvents((now) => (e.target.checked ? [...now, type] : now.filter((t) => t !== type))),
              },
            }))}
          />
        </CommandForm>
        {data && data.webhooks.items.length === 0 && <p className="fr-mt-2w">Aucun webhook pour l’instant.</p>}
        {data && data.webhooks.items.length > 0 && (
          <DataTable
            className="fr-mt-3w"
            caption="Webhooks de l’entreprise"
            columns={['Adresse', 'Événements', 'État', 'Actions']}
            items={data.webhooks.items}
            row={(w) => (
              <tr key={w.id}>
                <td>
                  <code>{w.url}</code>
                </td>
                <td>{w.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join(', ')}</td>
                <td>
                  {w.status === 'active' ? (
                    <Badge severity="success" small>
                      Actif
                    </Badge>
                  ) : (
                    <Badge severity="error" small>
                      Désactivé le {formatDateTime(w.disabledAt!)}
                    </Badge>
                  )}
                </td>
                <td>
                  <CommandButton
                    busy={command.busy}
                    priority="tertiary"
                    onRun={() =>
                      command.run(async () =>
                        setLog(
                          await unwrap(
                            api.GET('/v1/companies/{id}/webhooks/{webhookId}/deliveries', {
                              params: { path: { id: companyId, webhookId: w.id } },
                            }),
                          ),
                        ),
                      )
                    }
                  >
                    Journal des remises
                  </CommandButton>{' '}
                  <CommandButton
                    busy={command.busy}
                    priority="secondary"
                    confirm="Supprimer cet abonnement ? Plus rien n’y sera envoyé."
                    onRun={() =>
                      act(async () => {
                        await unwrap(
                          api.DELETE('/v1/companies/{id}/webhooks/{webhookId}', {
                            params: { path: { id: companyId, webhookId: w.id } },
                          }),
                        );
                        if (log?.webhook.id === w.id) setLog(undefined);
                      }, 'L’abonnement est supprimé.')
                    }
                  >
                    Supprimer
                  </CommandButton>
                </td>
              </tr>
            )}
          />
        )}
      </Section>

      {log && (
        <Section id="remises" title={`Journal des remises — ${log.webhook.url}`}>
          {log.items.length === 0 ? (
            <p>Aucune remise pour l’instant.</p>
          ) : (
            <DataTable
              caption="Les 100 dernières remises, la plus récente d’abord"
              columns={['Événement', 'Survenu le', 'État', 'Tentatives']}
              items={log.items}
              row={(d) => (
                <tr key={d.id}>
                  <td>
                    {WEBHOOK_EVENT_LABELS[d.type]}
                    <br />
                    <code className="fr-text--xs">{d.id}</code>
                  </td>
                  <td>{formatDateTime(d.occurredAt)}</td>
                  <td>
                    {DELIVERY_STATUS_LABELS[d.status]}
                    {d.nextAttemptAt && <> — prochaine le {formatDateTime(d.nextAttemptAt)}</>}
                  </td>
                  <td>
                    <ol className="fr-mb-0">
                      {d.attempts.map((a, i) => (
                        <li key={i}>
                          {formatDateTime(a.at)} :{' '}
                          {a.status !== undefined ? `réponse ${a.status}` : `échec (${frenchError(a.error)})`}
                        </li>
                      ))}
                    </ol>
                  </td>
                </tr>
              )}
            />
          )}
        </Section>
      )}

      <Section id="integration" title="Vérifier une remise">
        <p>
          Le secret de signature commence par <code>whsec_</code>. Une bibliothèque Standard Webhooks vérifie chaque
          remise avec le corps reçu tel quel et ses trois en-têtes ; refusez une remise dont l’horodatage a plus de cinq
          minutes. Le client typé de l’API (dans le dépôt, <code>clients/typescript</code>) le fait pour vous et donne
          un exemple complet : dépôt d’une candidature, envoi d’une preuve avec son empreinte, attente des événements.
        </p>
      </Section>
    </Page>
  );
};

/** The sender's reasons, in words. */
const frenchError = (error?: string) => {
  if (!error) return 'sans réponse';
  const timeout = /^no answer within ([\d.]+) s$/.exec(error);
  if (timeout) return `pas de réponse en ${timeout[1]!.replace('.', ',')} s`;
  if (/private address/.test(error)) return 'adresse privée refusée';
  if (/does not resolve/.test(error)) return 'nom d’hôte introuvable';
  if (/^connection failed/.test(error)) return 'connexion impossible';
  if (/https/.test(error)) return 'https obligatoire';
  return 'erreur de transport';
};
