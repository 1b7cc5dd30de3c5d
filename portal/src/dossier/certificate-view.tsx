import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { api, unwrap, type Certificate } from '../api/client';
import { Loading, Page } from '../ui/page';
import { ProblemAlert, SuccessNotice } from '../ui/problem-alert';
import { useCommand, useLoad } from '../ui/use-load';
import { formatDate, formatDateTime, formatDaysLeft } from '../ui/format';
import { certificateBadge } from '../pages/public/certificates-page';
import { lines } from '../ui/text';
import { CLOCKS, inFigures } from '../../../functions/domain/legal-periods';

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
  | '/v1/certificates/{number}/substantial-change';

const FAULT_CASES: Record<string, string> = {
  inaccurate_information: 'Informations inexactes',
  no_longer_compliant: 'Ne respecte plus le référentiel',
  no_regular_service: 'Absence de service régulier',
  misuse_of_certificate: 'Usage abusif du certificat',
  obstruction_of_control: 'Obstacle au contrôle',
  serious_or_repeated_breach: 'Manquement grave ou répété',
};

/** A datetime-local value (Paris wall time in the form) as an RFC 3339 instant. */
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
  const field = (name: string) => fields[name] ?? '';
  const set = (name: string) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
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
  const now = new Date();

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

      {side === 'candidate' && (
        <div className="fr-accordions-group fr-mt-4w">
          {openNotice && (
            <Accordion label="Répondre à la mise en demeure" defaultExpanded>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(
                    '/v1/certificates/{number}/formal-notice/response',
                    { message: field('response') },
                    'Réponse envoyée.',
                  );
                }}
              >
                <Input
                  label="Votre réponse"
                  textArea
                  nativeTextAreaProps={{ value: field('response'), onChange: set('response'), name: 'response' }}
                />
                <Button type="submit" disabled={command.busy}>
                  Envoyer la réponse
                </Button>
              </form>
            </Accordion>
          )}
          {life.observationsNotice && !life.observationsNotice.observations && (
            <Accordion label="Présenter des observations" defaultExpanded>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(
                    '/v1/certificates/{number}/observations',
                    { text: field('observations') },
                    'Observations envoyées.',
                  );
                }}
              >
                <Input
                  label="Vos observations"
                  textArea
                  nativeTextAreaProps={{
                    value: field('observations'),
                    onChange: set('observations'),
                    name: 'observations',
                  }}
                />
                <Button type="submit" disabled={command.busy}>
                  Envoyer les observations
                </Button>
              </form>
            </Accordion>
          )}
          <Accordion label="Déclarer une évolution substantielle">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  '/v1/certificates/{number}/substantial-change',
                  { description: field('change') },
                  'Évolution déclarée.',
                );
              }}
            >
              <Input
                label="Description de l’évolution"
                textArea
                nativeTextAreaProps={{ value: field('change'), onChange: set('change'), name: 'change' }}
              />
              <Button type="submit" disabled={command.busy}>
                Déclarer
              </Button>
            </form>
          </Accordion>
        </div>
      )}

      {side === 'ans' && (
        <div className="fr-accordions-group fr-mt-4w">
          <Accordion label="Mettre en demeure (R. 1470-9)">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  '/v1/certificates/{number}/formal-notice',
                  { nonConformities: lines(field('nc')), respondBy: instantOf(field('respondBy')) },
                  'Mise en demeure émise.',
                );
              }}
            >
              <Input
                label="Non-conformités (une par ligne)"
                textArea
                nativeTextAreaProps={{ value: field('nc'), onChange: set('nc'), name: 'nonConformities' }}
              />
              <Input
                label={`Réponse attendue avant (${inFigures(CLOCKS.formal_notice.period)} au plus)`}
                nativeInputProps={{
                  type: 'datetime-local',
                  value: field('respondBy'),
                  onChange: set('respondBy'),
                  name: 'respondBy',
                }}
              />
              <Button type="submit" disabled={command.busy}>
                Mettre en demeure
              </Button>
            </form>
          </Accordion>
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
          <Accordion label="Suspendre, rétablir ou retirer">
            <Button
              priority="secondary"
              className="fr-mr-2w"
              onClick={() => void act('/v1/certificates/{number}/suspend', undefined, 'Certificat suspendu.')}
              disabled={command.busy}
            >
              Suspendre
            </Button>
            <Button
              priority="secondary"
              className="fr-mr-2w"
              onClick={() => void act('/v1/certificates/{number}/reinstate', undefined, 'Certificat rétabli.')}
              disabled={command.busy}
            >
              Rétablir
            </Button>
            <Button
              priority="secondary"
              onClick={() => void act('/v1/certificates/{number}/withdraw', undefined, 'Certificat retiré.')}
              disabled={command.busy}
            >
              Retirer
            </Button>
          </Accordion>
          <Accordion label="Inviter à présenter des observations">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  '/v1/certificates/{number}/observations-notice',
                  { facts: field('facts'), respondBy: instantOf(field('obsBy')) },
                  'Invitation envoyée.',
                );
              }}
            >
              <Input
                label="Faits reprochés"
                textArea
                nativeTextAreaProps={{ value: field('facts'), onChange: set('facts'), name: 'facts' }}
              />
              <Input
                label="Observations attendues avant"
                nativeInputProps={{
                  type: 'datetime-local',
                  value: field('obsBy'),
                  onChange: set('obsBy'),
                  name: 'observationsBy',
                }}
              />
              <Button type="submit" disabled={command.busy}>
                Inviter
              </Button>
            </form>
          </Accordion>
          <Accordion label="Résilier la convention">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  '/v1/certificates/{number}/terminate',
                  {
                    ground: field('ground') || 'by_operation_of_law',
                    reason: field('reason'),
                    ...(field('ground') === 'fault'
                      ? { faultCase: field('faultCase') || 'inaccurate_information' }
                      : {}),
                  },
                  'Convention résiliée.',
                );
              }}
            >
              <Select
                label="Motif"
                nativeSelectProps={{
                  value: field('ground') || 'by_operation_of_law',
                  onChange: set('ground'),
                  name: 'ground',
                }}
              >
                <option value="by_operation_of_law">De plein droit</option>
                <option value="fraud">Fraude</option>
                <option value="fault">Faute</option>
              </Select>
              {field('ground') === 'fault' && (
                <Select
                  label="Cas de faute (convention art. 16)"
                  nativeSelectProps={{
                    value: field('faultCase') || 'inaccurate_information',
                    onChange: set('faultCase'),
                    name: 'faultCase',
                  }}
                >
                  {Object.entries(FAULT_CASES).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </Select>
              )}
              <Input
                label="Exposé des motifs"
                textArea
                nativeTextAreaProps={{ value: field('reason'), onChange: set('reason'), name: 'reason' }}
              />
              <Button type="submit" disabled={command.busy}>
                Résilier
              </Button>
            </form>
          </Accordion>
        </div>
      )}
    </Page>
  );
};
