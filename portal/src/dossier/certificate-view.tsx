import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { CommandAccordion } from '../ui/command-accordion';
import { api, unwrap, type Certificate, serviceNow } from '../api/client';
import { Loading, Page } from '../ui/page';
import { ProblemAlert, SuccessNotice } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDate, formatDateTime, formatDaysLeft } from '../ui/format';
import { certificateBadge } from '../pages/public/certificates-page';
import { lines } from '../ui/text';
import { CLOCKS, inFigures } from '../../../functions/domain/legal-periods';
import {
  ChoiceField,
  CommandForm,
  InstantField,
  ReasonsField,
  SelectField,
  TextAreaField,
  useChoice,
} from '../ui/command-form';
import { NotificationsPanel } from './notifications-panel';

type Path =
  | '/v1/certificates/{number}/formal-notice'
  | '/v1/certificates/{number}/formal-notice/response'
  | '/v1/certificates/{number}/formal-notice/close'
  | '/v1/certificates/{number}/suspend'
  | '/v1/certificates/{number}/reinstate'
  | '/v1/certificates/{number}/withdraw'
  | '/v1/certificates/{number}/observations-notice'
  | '/v1/certificates/{number}/observations'
  | '/v1/certificates/{number}/terminate'
  | '/v1/certificates/{number}/substantial-change'
  | '/v1/certificates/{number}/non-renewal';

/** Why a convention is terminated (convention art. 16). */
const TERMINATION_GROUNDS: Record<string, string> = {
  by_operation_of_law: 'De plein droit',
  fraud: 'Fraude',
  fault: 'Faute',
};

const FAULT_CASES: Record<string, string> = {
  inaccurate_information: 'Informations inexactes',
  no_longer_compliant: 'Ne respecte plus le référentiel',
  no_regular_service: 'Absence de service régulier',
  misuse_of_certificate: 'Usage abusif du certificat',
  obstruction_of_control: 'Obstacle au contrôle',
  serious_or_repeated_breach: 'Manquement grave ou répété',
};

/** What ANS decides on a certificate's status: each with its route and what the page then says. */
const STATUS_ACTIONS = {
  suspend: ['/v1/certificates/{number}/suspend', 'Certificat suspendu.'],
  reinstate: ['/v1/certificates/{number}/reinstate', 'Certificat rétabli.'],
  withdraw: ['/v1/certificates/{number}/withdraw', 'Certificat retiré.'],
} as const satisfies Record<string, readonly [Path, string]>;

/** A datetime-local value (the browser's wall time) as an RFC 3339 instant. */
const instantOf = (local: string) => (local ? new Date(local).toISOString() : '');

/**
 * A certificate and its life (formal notices, observations, suspension, end), with the actions the
 * viewer's role may take: the company answers, ANS acts. The service enforces every precondition
 * (R.1470-9, convention art. 16) and its 409 is shown as it is.
 */
export const CertificateView = ({
  number,
  side,
  trail,
}: {
  number: string;
  side: 'candidate' | 'ans';
  trail: { label: string; href: string }[];
}) => {
  const { data, error, loading, reload } = useLoad(
    () => unwrap(api.GET('/v1/certificates/{number}', { params: { path: { number } } })),
    [number],
  );
  const command = useCommand();
  const [fields, setFields] = useState<Record<string, string>>({});
  const statusAction = useChoice<keyof typeof STATUS_ACTIONS>('suspend');
  const field = (name: string) => fields[name] ?? '';
  const change = (name: string) => (value: string) => setFields({ ...fields, [name]: value });
  /** A field's value and setter, as the command forms' fields take them: `{...bind('reason')}`. */
  const bind = (name: string, fallback = '') => ({ value: field(name) || fallback, onChange: change(name) });
  /** A command whose one field is a text: the response to a notice, observations, a change declared. */
  const textCommand = (c: {
    field: string;
    name: string;
    label: string;
    submit: string;
    path: Path;
    bodyKey: string;
    success: string;
  }) => (
    <CommandForm
      submit={c.submit}
      busy={command.busy}
      onSubmit={() => act(c.path, { [c.bodyKey]: field(c.field) }, c.success)}
    >
      <TextAreaField label={c.label} name={c.name} {...bind(c.field)} />
    </CommandForm>
  );
  /** A command form's submit side: busy while any command runs, then the command and a reload. */
  const acting = (path: Path, body: () => unknown, success: string) => ({
    busy: command.busy,
    onSubmit: () => act(path, body(), success),
  });
  const act = (path: Path, body: unknown, success: string) =>
    command.run(async () => {
      await unwrap(api.POST(path, { params: { path: { number } }, body: body as never }));
      setFields({});
      await reload();
    }, success);
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const c: Certificate = data;
  const life = c.life;
  const openNotice = life.formalNotices?.find((n) => n.status === 'open');
  const now = serviceNow();
  /** Notice against the convention's tacit renewal (guide §5.4): either party, before the term. */
  // an element, not a component declared in here: a new component each render would remount the
  // field and lose what is being typed
  const nonRenewal = (
    <CommandAccordion
      label="Dénoncer la reconduction tacite de la convention"
      submit="Dénoncer la reconduction"
      {...acting(
        '/v1/certificates/{number}/non-renewal',
        () => ({ reasons: lines(field('nonRenewal')) }),
        'Reconduction dénoncée.',
      )}
    >
      <ReasonsField
        hint="Le certificat prendra fin à l’échéance de la convention."
        name="nonRenewalReasons"
        {...bind('nonRenewal')}
      />
    </CommandAccordion>
  );

  return (
    <Page title={`Certificat ${c.number}`} trail={trail}>
      <p>Statut : {certificateBadge(c.status)}</p>
      <dl className="fr-mb-3w">
        <dt className="fr-text--bold">Solution</dt>
        <dd>
          {c.product.name} {c.product.version} — {c.company.name}
        </dd>
        <dt className="fr-text--bold">Délivré le</dt>
        <dd>{formatDate(c.grantedAt)}</dd>
        {life.conventionTermAt && (
          <>
            <dt className="fr-text--bold">Échéance de la convention</dt>
            <dd>
              {formatDate(life.conventionTermAt)} ({formatDaysLeft(life.conventionTermAt, now)})
            </dd>
          </>
        )}
        {c.renewal && (
          <>
            <dt className="fr-text--bold">Renouvellement requis</dt>
            <dd>
              Candidature de renouvellement à déposer au plus tard le {formatDate(`${c.renewal.requiredBy}T12:00:00Z`)}
              {c.renewal.appliedAt
                ? ` — déposée le ${formatDateTime(c.renewal.appliedAt)} : le certificat reste valable jusqu’à la décision.`
                : '.'}
            </dd>
          </>
        )}
        {life.nonRenewal && (
          <>
            <dt className="fr-text--bold">Reconduction dénoncée</dt>
            <dd>
              Le {formatDateTime(life.nonRenewal.at)} par {life.nonRenewal.party === 'ans' ? 'l’ANS' : 'l’entreprise'} :
              le certificat prendra fin à l’échéance de la convention.
            </dd>
          </>
        )}
        {side === 'ans' && c.tacitReview && (
          <>
            <dt className="fr-text--bold">Acceptation tacite à réexaminer</dt>
            <dd>
              Retrait possible jusqu’au {formatDateTime(c.tacitReview.until)} (CRPA L242-1) :{' '}
              {c.tacitReview.grounds.join(' ; ')}
            </dd>
          </>
        )}
        {life.reservations?.length ? (
          <>
            <dt className="fr-text--bold">Réserves</dt>
            <dd>{life.reservations.join(' ; ')}</dd>
          </>
        ) : null}
        {life.ended && (
          <>
            <dt className="fr-text--bold">Fin</dt>
            <dd>
              {formatDateTime(life.ended.at)} — {life.ended.reason ?? life.ended.status}
            </dd>
          </>
        )}
      </dl>
      <Button
        priority="secondary"
        iconId="fr-icon-download-line"
        className="fr-mb-4w"
        onClick={() =>
          void command.run(async () =>
            window.location.assign(
              (await unwrap(api.GET('/v1/certificates/{number}/pdf', { params: { path: { number } } }))).url,
            ),
          )
        }
      >
        Télécharger le certificat (PDF)
      </Button>
      <ProblemAlert error={command.error ?? error} />
      <SuccessNotice message={command.done} />

      <h2 className="fr-h4">Mises en demeure</h2>
      {!life.formalNotices?.length && <p className="fr-text--sm">Aucune mise en demeure.</p>}
      {life.formalNotices?.map((n) => (
        <div key={n.id} className="fr-card fr-p-2w fr-mb-2w">
          <p className="fr-mb-1w">
            Émise le {formatDateTime(n.issuedAt)} — réponse avant le {formatDateTime(n.respondBy)} —{' '}
            {n.status === 'open' ? 'en cours' : n.status === 'remedied' ? 'levée' : 'expirée sans remède'}
          </p>
          <ul>
            {n.nonConformities.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
          {n.response && (
            <p className="fr-text--sm">
              Réponse du {formatDateTime(n.response.at)} : {n.response.message}
            </p>
          )}
        </div>
      ))}
      {life.observationsNotice && (
        <div className="fr-card fr-p-2w fr-mb-2w">
          <h3 className="fr-h6">Invitation à présenter des observations</h3>
          <p>{life.observationsNotice.facts}</p>
          {life.observationsNotice.respondBy && (
            <p className="fr-text--sm">Avant le {formatDateTime(life.observationsNotice.respondBy)}</p>
          )}
          {life.observationsNotice.observations && (
            <p className="fr-text--sm">Observations : {life.observationsNotice.observations.text}</p>
          )}
        </div>
      )}

      <NotificationsPanel
        notifications={c.notifications}
        busy={command.busy}
        {...(side === 'candidate'
          ? {
              onOpen: (notificationId: string) =>
                void command.run(async () => {
                  await unwrap(
                    api.POST('/v1/certificates/{number}/notifications/{notificationId}/open', {
                      params: { path: { number, notificationId } },
                    }),
                  );
                  await reload();
                }, 'Notification reçue : sa date de réception est enregistrée.'),
            }
          : {})}
      />

      {side === 'candidate' && (
        <div className="fr-accordions-group fr-mt-4w">
          {openNotice && (
            <Accordion label="Répondre à la mise en demeure" defaultExpanded>
              {textCommand({
                field: 'response',
                name: 'response',
                label: 'Votre réponse',
                submit: 'Envoyer la réponse',
                path: '/v1/certificates/{number}/formal-notice/response',
                bodyKey: 'message',
                success: 'Réponse envoyée.',
              })}
            </Accordion>
          )}
          {life.observationsNotice && !life.observationsNotice.observations && (
            <Accordion label="Présenter des observations" defaultExpanded>
              {textCommand({
                field: 'observations',
                name: 'observations',
                label: 'Vos observations',
                submit: 'Envoyer les observations',
                path: '/v1/certificates/{number}/observations',
                bodyKey: 'text',
                success: 'Observations envoyées.',
              })}
            </Accordion>
          )}
          {!life.nonRenewal && nonRenewal}
          <Accordion label="Déclarer une évolution substantielle">
            {textCommand({
              field: 'change',
              name: 'change',
              label: 'Description de l’évolution',
              submit: 'Déclarer',
              path: '/v1/certificates/{number}/substantial-change',
              bodyKey: 'description',
              success: 'Évolution déclarée.',
            })}
          </Accordion>
        </div>
      )}

      {side === 'ans' && (
        <div className="fr-accordions-group fr-mt-4w">
          {!life.nonRenewal && nonRenewal}
          <CommandAccordion
            label="Mettre en demeure (R. 1470-9)"
            submit="Mettre en demeure"
            {...acting(
              '/v1/certificates/{number}/formal-notice',
              () => ({ nonConformities: lines(field('nc')), respondBy: instantOf(field('respondBy')) }),
              'Mise en demeure émise.',
            )}
          >
            <TextAreaField label="Non-conformités (une par ligne)" name="nonConformities" {...bind('nc')} />
            <InstantField
              label={`Réponse attendue avant (${inFigures(CLOCKS.formal_notice.period)} au plus)`}
              name="respondBy"
              {...bind('respondBy')}
            />
          </CommandAccordion>
          {openNotice && (
            <Accordion label="Lever la mise en demeure">
              <Button
                onClick={() =>
                  void act(
                    '/v1/certificates/{number}/formal-notice/close',
                    { noticeId: openNotice.id },
                    'Mise en demeure levée.',
                  )
                }
                disabled={command.busy}
              >
                Lever la mise en demeure
              </Button>
            </Accordion>
          )}
          <CommandAccordion
            label="Suspendre, rétablir ou retirer"
            submit="Enregistrer la décision"
            busy={command.busy}
            onSubmit={() => {
              const [path, success] = STATUS_ACTIONS[statusAction.value];
              const reasons = lines(field('statusReasons'));
              const question =
                statusAction.value === 'reinstate'
                  ? undefined
                  : `${statusAction.value === 'suspend' ? 'Suspendre' : 'Retirer'} le certificat ${number} ? La décision est notifiée avec ses motifs.`;
              if (question && !window.confirm(question)) return;
              return act(path, reasons.length ? { reasons } : {}, success);
            }}
          >
            <ChoiceField
              legend="Décision"
              name="statusAction"
              choices={{ suspend: 'Suspendre', reinstate: 'Rétablir', withdraw: 'Retirer' }}
              {...statusAction}
            />
            <ReasonsField
              hint="Obligatoires pour une suspension ou un retrait ; notifiés au titulaire avec les voies de recours"
              name="reasons"
              {...bind('statusReasons')}
            />
          </CommandAccordion>
          <CommandAccordion
            label="Inviter à présenter des observations"
            submit="Inviter"
            {...acting(
              '/v1/certificates/{number}/observations-notice',
              () => ({ facts: field('facts'), respondBy: instantOf(field('obsBy')) }),
              'Invitation envoyée.',
            )}
          >
            <TextAreaField label="Faits reprochés" name="facts" {...bind('facts')} />
            <InstantField label="Observations attendues avant" name="observationsBy" {...bind('obsBy')} />
          </CommandAccordion>
          <CommandAccordion
            label="Résilier la convention"
            submit="Résilier"
            {...acting(
              '/v1/certificates/{number}/terminate',
              () => ({
                ground: field('ground') || 'by_operation_of_law',
                reasons: lines(field('reason')),
                ...(field('ground') === 'fault' ? { faultCase: field('faultCase') || 'inaccurate_information' } : {}),
              }),
              'Convention résiliée.',
            )}
          >
            <SelectField
              label="Motif"
              name="ground"
              choices={TERMINATION_GROUNDS}
              {...bind('ground', 'by_operation_of_law')}
            />
            {field('ground') === 'fault' && (
              <SelectField
                label="Cas de faute (convention art. 16)"
                name="faultCase"
                choices={FAULT_CASES}
                {...bind('faultCase', 'inaccurate_information')}
              />
            )}
            <TextAreaField label="Exposé des motifs (un par ligne)" name="reason" {...bind('reason')} />
          </CommandAccordion>
        </div>
      )}
    </Page>
  );
};
