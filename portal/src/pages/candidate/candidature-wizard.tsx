import { useEffect, useState } from 'react';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useLocation, useParams } from 'wouter';
import { api, ApiProblem, ifMatch, unwrap, type Dossier } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { PROFILE_LABELS, PURPOSE_LABELS, USE_CASE_LABELS } from '../../ui/labels';
import { EvidenceUpload } from '../../upload/evidence-upload';
import { PROFILE_MATRICES } from '../../../../functions/domain/profile-matrix';

type Profile = Dossier['profiles'][number];
type UseCase = Dossier['useCase'];
interface Component {
  name: string;
  version: string;
  nie: string;
  nil: string;
  description: string;
}
interface Form {
  productName: string;
  productVersion: string;
  useCase: UseCase;
  profiles: Profile[];
  nie: string;
  nil: string;
  deployedInTeleconsultationCompany: boolean;
  plannedCompleteProofDate: string;
  publishPlannedDate: boolean;
  commitment: boolean;
  components: Component[];
  /** a group filing (groupement): the lead files, with one mandate per member */
  groupMembers: { name: string; siret: string }[];
}

// the matrix of the current referential, from the same data the service checks with
const MATRIX = PROFILE_MATRICES['1.4.2']!;
const STEPS = [
  'La solution',
  'Les profils',
  'Identifiants et engagements',
  'Composants et groupement',
  'Vérification et dépôt',
];

const emptyForm: Form = {
  productName: '',
  productVersion: '',
  useCase: 'teleconsultation_company',
  profiles: ['general'],
  nie: '',
  nil: '',
  deployedInTeleconsultationCompany: false,
  plannedCompleteProofDate: '',
  publishPlannedDate: false,
  commitment: false,
  components: [],
  groupMembers: [],
};

const formOf = (d: Dossier): Form => ({
  productName: d.product.name,
  productVersion: d.product.version,
  useCase: d.useCase,
  profiles: d.profiles,
  nie: d.nie ?? '',
  nil: d.nil ?? '',
  deployedInTeleconsultationCompany: d.deployedInTeleconsultationCompany ?? false,
  plannedCompleteProofDate: d.plannedCompleteProofDate ?? '',
  publishPlannedDate: d.publishPlannedDate ?? false,
  commitment: d.commitment ?? false,
  components: (d.components ?? []).map((c) => ({
    name: c.name,
    version: c.version,
    nie: c.nie ?? '',
    nil: c.nil ?? '',
    description: c.description,
  })),
  groupMembers: (d.group?.members ?? []).map((m) => ({ name: m.name, siret: m.siret ?? '' })),
});

/** The wizard step that holds a field the service names in a 422. */
const stepOf = (path: string) => {
  if (path.startsWith('product') || path.startsWith('useCase')) return 0;
  if (path.startsWith('profiles')) return 1;
  if (path.startsWith('components') || path.startsWith('group')) return 3;
  return 2;
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The candidature as the API takes it; `clear` sends null for emptied optional fields (PATCH). */
const bodyOf = (f: Form, clear: boolean) => {
  const maybe = (v: string) => optional(v) ?? (clear ? null : undefined);
  const body = {
    product: { name: f.productName.trim(), version: f.productVersion.trim() },
    useCase: f.useCase,
    profiles: f.profiles,
    nie: maybe(f.nie),
    nil: maybe(f.nil),
    deployedInTeleconsultationCompany: f.deployedInTeleconsultationCompany,
    plannedCompleteProofDate: maybe(f.plannedCompleteProofDate),
    publishPlannedDate: f.publishPlannedDate,
    commitment: f.commitment,
    components: f.components.map((c) => ({
      name: c.name.trim(),
      version: c.version.trim(),
      description: c.description.trim(),
      ...(optional(c.nie) ? { nie: c.nie.trim() } : {}),
      ...(optional(c.nil) ? { nil: c.nil.trim() } : {}),
    })),
    group: f.groupMembers.length
      ? {
          members: f.groupMembers.map((m) => ({
            name: m.name.trim(),
            ...(optional(m.siret) ? { siret: m.siret.trim() } : {}),
          })),
        }
      : clear
        ? null
        : undefined,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
};

/**
 * The candidature (guide §4.2), step by step; each step is saved as a draft. A draft changed
 * elsewhere meanwhile (412) is explained and the person's entries kept; the service's refusals
 * (422: profile matrix, missing field) are shown next to the field they name.
 */
export const CandidatureWizard = () => {
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const [step, setStep] = useState(0);
  const [form, setForm] = useState<Form>(emptyForm);
  const [dossier, setDossier] = useState<Dossier>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);

  // opened on an existing draft: load it once. Not after the first save moved the address from
  // /nouveau to the draft's own: the form then holds entries newer than the server's copy.
  const loadedId = dossier?.id;
  useEffect(() => {
    if (!params.id || params.id === loadedId) return;
    unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: params.id } } })).then((d) => {
      setDossier(d);
      setForm(formOf(d));
    }, setError);
  }, [params.id, loadedId]);

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (path: string) => (error instanceof ApiProblem ? error.fieldError(path) : undefined);
  const state = (path: string) => (fieldError(path) ? ('error' as const) : ('default' as const));

  /** Saves the draft: creates it the first time, then PATCH with If-Match. */
  const save = async (): Promise<Dossier | undefined> => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      if (!dossier) {
        const created = await unwrap(api.POST('/v1/dossiers', { body: bodyOf(form, false) as never }));
        const fresh = await unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: created.id } } }));
        setDossier(fresh);
        navigate(`/dossiers/${created.id}/candidature`, { replace: true });
        setSaved('Brouillon enregistré.');
        return fresh;
      }
      const updated = await unwrap(
        api.PATCH('/v1/dossiers/{id}', {
          params: { path: { id: dossier.id }, header: { 'If-Match': ifMatch(dossier) } },
          body: bodyOf(form, true) as never,
        }),
      );
      setDossier({ ...dossier, ...updated, uploads: dossier.uploads });
      setConflict(false);
      setSaved('Brouillon enregistré.');
      return updated;
    } catch (e) {
      if (e instanceof ApiProblem && e.problem.status === 412 && dossier) {
        // someone saved this draft meanwhile: take their version number, keep these entries
        const latest = await unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: dossier.id } } }));
        setDossier(latest);
        setConflict(true);
      } else setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** After a file: the dossier's uploads and version as the service now has them. */
  const refresh = async () => {
    if (!dossier) return;
    const latest = await unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: dossier.id } } }));
    setDossier(latest);
  };

  const next = async () => {
    if (await save()) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };

  const submit = async () => {
    const current = await save();
    if (!current) return;
    setBusy(true);
    try {
      await unwrap(api.POST('/v1/dossiers/{id}/submit', { params: { path: { id: current.id } } }));
      navigate(`/dossiers/${current.id}`);
    } catch (e) {
      setError(e);
      // take the person to the step that holds the first field the service named
      const path = e instanceof ApiProblem ? e.problem.errors?.[0]?.path : undefined;
      if (path) setStep(stepOf(path));
    } finally {
      setBusy(false);
    }
  };

  if (params.id && !dossier && !error) return <Loading />;
  if (dossier && dossier.status !== 'draft')
    return (
      <Page title="Candidature">
        <Alert severity="info" small description="Cette candidature a été déposée : elle ne se modifie plus." />
      </Page>
    );

  const useCaseRule = MATRIX.useCases[form.useCase];
  const toggleProfile = (p: Profile, on: boolean) =>
    set('profiles', on ? [...form.profiles, p] : form.profiles.filter((x) => x !== p));

  return (
    <Page
      title={dossier ? `Candidature — ${dossier.product.name}` : 'Nouvelle candidature'}
      trail={[{ label: 'Mes dossiers', href: '~/candidat' }]}
    >
      <Stepper currentStep={step + 1} stepCount={STEPS.length} title={STEPS[step]!} nextTitle={STEPS[step + 1]} />
      {conflict && (
        <div role="alert">
          <Alert
            severity="warning"
            title="Ce brouillon a été modifié ailleurs"
            description="Une autre personne (ou un autre onglet) a enregistré ce dossier pendant votre saisie. Vos saisies sont conservées ici : relisez-les, puis enregistrez à nouveau pour qu’elles remplacent la version enregistrée."
            className="fr-mb-3w"
          />
        </div>
      )}
      <ProblemAlert error={error} />
      <SuccessNotice message={saved} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (step === STEPS.length - 1 ? submit() : next());
        }}
        noValidate
      >
        {step === 0 && (
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">La solution candidate</legend>
            <Input
              label="Nom de la solution"
              state={state('product.name')}
              stateRelatedMessage={fieldError('product.name')}
              nativeInputProps={{
                value: form.productName,
                onChange: (e) => set('productName', e.target.value),
                required: true,
                name: 'productName',
              }}
            />
            <Input
              label="Version"
              state={state('product.version')}
              stateRelatedMessage={fieldError('product.version')}
              nativeInputProps={{
                value: form.productVersion,
                onChange: (e) => set('productVersion', e.target.value),
                required: true,
                name: 'productVersion',
              }}
            />
            <Select
              label="Cas d’usage"
              hint="Le cas d’usage détermine les profils exigés."
              nativeSelectProps={{
                value: form.useCase,
                onChange: (e) => set('useCase', e.target.value as UseCase),
                name: 'useCase',
              }}
            >
              {Object.entries(USE_CASE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </fieldset>
        )}
        {step === 1 && (
          <>
            <CallOut title="Ce que demande votre cas d’usage" className="fr-mb-3w">
              Pour « {USE_CASE_LABELS[form.useCase]} » : les profils{' '}
              {[...MATRIX.always, ...useCaseRule.required].map((p) => PROFILE_LABELS[p].title).join(', ')} sont exigés,
              et exactement un profil d’hébergement ({MATRIX.hosting.map((p) => PROFILE_LABELS[p].title).join(' ou ')}).
              Facultatifs : {useCaseRule.optional.map((p) => PROFILE_LABELS[p].title).join(', ') || 'aucun'}.
            </CallOut>
            <Checkbox
              legend="Profils de la solution"
              state={state('profiles')}
              stateRelatedMessage={fieldError('profiles')}
              options={(Object.keys(PROFILE_LABELS) as Profile[]).map((p) => {
                const required = MATRIX.always.includes(p) || useCaseRule.required.includes(p);
                const hosting = MATRIX.hosting.includes(p);
                const allowed = required || hosting || useCaseRule.optional.includes(p);
                return {
                  label: `${PROFILE_LABELS[p].title}${required ? ' (exigé)' : hosting ? ' (hébergement : un seul)' : allowed ? ' (facultatif)' : ' (non disponible pour ce cas d’usage)'}`,
                  hintText: PROFILE_LABELS[p].hint,
                  nativeInputProps: {
                    name: 'profiles',
                    value: p,
                    checked: form.profiles.includes(p),
                    onChange: (e) => toggleProfile(p, e.target.checked),
                  },
                };
              })}
            />
          </>
        )}
        {step === 2 && (
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Identifiants CNDA et engagements</legend>
            <Input
              label="NIE (numéro d’éditeur CNDA)"
              hintText={
                MATRIX.needsNieNil.some((p) => form.profiles.includes(p))
                  ? 'Exigé avec le profil Référentiel d’identités'
                  : 'Facultatif'
              }
              state={state('nie')}
              stateRelatedMessage={fieldError('nie')}
              nativeInputProps={{ value: form.nie, onChange: (e) => set('nie', e.target.value), name: 'nie' }}
            />
            <Input
              label="NIL (numéro de logiciel CNDA)"
              state={state('nil')}
              stateRelatedMessage={fieldError('nil')}
              nativeInputProps={{ value: form.nil, onChange: (e) => set('nil', e.target.value), name: 'nil' }}
            />
            <Input
              label="Date prévue de complétude des preuves"
              state={state('plannedCompleteProofDate')}
              stateRelatedMessage={fieldError('plannedCompleteProofDate')}
              nativeInputProps={{
                type: 'date',
                value: form.plannedCompleteProofDate,
                onChange: (e) => set('plannedCompleteProofDate', e.target.value),
                name: 'plannedCompleteProofDate',
              }}
            />
            <Checkbox
              legend="Engagements et déclarations"
              state={state('commitment')}
              stateRelatedMessage={fieldError('commitment')}
              options={[
                {
                  label: 'Publier la date prévue de complétude avec le certificat',
                  nativeInputProps: {
                    checked: form.publishPlannedDate,
                    onChange: (e) => set('publishPlannedDate', e.target.checked),
                    name: 'publishPlannedDate',
                  },
                },
                {
                  label: 'La solution est déployée dans une société de téléconsultation',
                  nativeInputProps: {
                    checked: form.deployedInTeleconsultationCompany,
                    onChange: (e) => set('deployedInTeleconsultationCompany', e.target.checked),
                    name: 'deployedInTeleconsultationCompany',
                  },
                },
                {
                  label: 'Je m’engage à fournir l’ensemble des preuves exigées (engagement de complétude)',
                  nativeInputProps: {
                    checked: form.commitment,
                    onChange: (e) => set('commitment', e.target.checked),
                    name: 'commitment',
                  },
                },
              ]}
            />
          </fieldset>
        )}
        {step === 3 && (
          <>
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Composants de la solution</legend>
              {form.components.length === 0 && <p className="fr-text--sm">Aucun composant déclaré (facultatif).</p>}
              {form.components.map((c, i) => {
                const update = (key: keyof Component, value: string) =>
                  set(
                    'components',
                    form.components.map((x, j) => (j === i ? { ...x, [key]: value } : x)),
                  );
                return (
                  <div key={i} className="fr-p-2w fr-mb-2w fr-card">
                    <p className="fr-text--bold">Composant {i + 1}</p>
                    <Input
                      label="Nom"
                      nativeInputProps={{ value: c.name, onChange: (e) => update('name', e.target.value) }}
                      state={state(`components.${i}.name`)}
                      stateRelatedMessage={fieldError(`components.${i}.name`)}
                    />
                    {(['version', 'nie', 'nil'] as const).map((key) => (
                      <Input
                        key={key}
                        label={{ version: 'Version', nie: 'NIE du composant', nil: 'NIL du composant' }[key]}
                        hintText={key === 'version' ? undefined : 'Exigé avec le profil Référentiel d’identités'}
                        state={state(`components.${i}.${key}`)}
                        stateRelatedMessage={fieldError(`components.${i}.${key}`)}
                        nativeInputProps={{ value: c[key], onChange: (e) => update(key, e.target.value) }}
                      />
                    ))}
                    <Input
                      label="Description"
                      textArea
                      state={state(`components.${i}.description`)}
                      stateRelatedMessage={fieldError(`components.${i}.description`)}
                      nativeTextAreaProps={{
                        value: c.description,
                        onChange: (e) => update('description', e.target.value),
                      }}
                    />
                    <Button
                      priority="tertiary"
                      type="button"
                      iconId="fr-icon-delete-line"
                      onClick={() =>
                        set(
                          'components',
                          form.components.filter((_, j) => j !== i),
                        )
                      }
                    >
                      Retirer le composant {i + 1}
                    </Button>
                  </div>
                );
              })}
              <Button
                priority="secondary"
                type="button"
                iconId="fr-icon-add-line"
                onClick={() =>
                  set('components', [...form.components, { name: '', version: '', nie: '', nil: '', description: '' }])
                }
              >
                Ajouter un composant
              </Button>
            </fieldset>
            <fieldset className="fr-fieldset fr-mt-4w">
              <legend className="fr-fieldset__legend">Groupement (facultatif)</legend>
              <p className="fr-text--sm">
                Si votre entreprise dépose en chef de file d’un groupement, déclarez chaque membre : un mandat par
                membre sera demandé avant le dépôt.
              </p>
              {form.groupMembers.map((m, i) => {
                const update = (key: 'name' | 'siret', value: string) =>
                  set(
                    'groupMembers',
                    form.groupMembers.map((x, j) => (j === i ? { ...x, [key]: value } : x)),
                  );
                return (
                  <div key={i} className="fr-p-2w fr-mb-2w fr-card">
                    <Input
                      label={`Membre ${i + 1} : raison sociale`}
                      state={state(`group.members.${i}.name`)}
                      stateRelatedMessage={fieldError(`group.members.${i}.name`)}
                      nativeInputProps={{ value: m.name, onChange: (e) => update('name', e.target.value) }}
                    />
                    <Input
                      label={`Membre ${i + 1} : SIRET (facultatif)`}
                      state={state(`group.members.${i}.siret`)}
                      stateRelatedMessage={fieldError(`group.members.${i}.siret`)}
                      nativeInputProps={{ value: m.siret, onChange: (e) => update('siret', e.target.value) }}
                    />
                    <Button
                      priority="tertiary"
                      type="button"
                      iconId="fr-icon-delete-line"
                      onClick={() =>
                        set(
                          'groupMembers',
                          form.groupMembers.filter((_, j) => j !== i),
                        )
                      }
                    >
                      Retirer le membre {i + 1}
                    </Button>
                  </div>
                );
              })}
              <Button
                priority="secondary"
                type="button"
                iconId="fr-icon-add-line"
                onClick={() => set('groupMembers', [...form.groupMembers, { name: '', siret: '' }])}
              >
                Ajouter un membre du groupement
              </Button>
            </fieldset>
          </>
        )}
        {step === 4 && (
          <section aria-labelledby="recap">
            <h2 id="recap" className="fr-h4">
              Récapitulatif
            </h2>
            <dl>
              <dt className="fr-text--bold">Solution</dt>
              <dd>
                {form.productName} {form.productVersion}
              </dd>
              <dt className="fr-text--bold">Cas d’usage</dt>
              <dd>{USE_CASE_LABELS[form.useCase]}</dd>
              <dt className="fr-text--bold">Profils</dt>
              <dd>{form.profiles.map((p) => PROFILE_LABELS[p].title).join(', ')}</dd>
              <dt className="fr-text--bold">NIE / NIL</dt>
              <dd>
                {form.nie || '—'} / {form.nil || '—'}
              </dd>
              <dt className="fr-text--bold">Engagement de complétude</dt>
              <dd>{form.commitment ? 'oui' : 'non'}</dd>
              <dt className="fr-text--bold">Composants</dt>
              <dd>{form.components.length}</dd>
            </dl>
            <p>
              En déposant la candidature, les profils deviennent définitifs et l’ANS examine sa recevabilité. Joignez
              d’abord la documentation fonctionnelle de la solution (et, pour un groupement, les mandats).
            </p>
            {dossier && (
              <>
                <ul className="fr-raw-list">
                  {dossier.uploads
                    .filter((u) => u.purpose !== 'proof' && u.status === 'received')
                    .map((u) => (
                      <li key={u.id}>
                        {PURPOSE_LABELS[u.purpose]} : {u.fileName} (reçu)
                      </li>
                    ))}
                </ul>
                <EvidenceUpload
                  dossierId={dossier.id}
                  purpose="functional_documentation"
                  label="Documentation fonctionnelle"
                  onDone={() => void refresh()}
                />
                <EvidenceUpload
                  dossierId={dossier.id}
                  purpose="mandate"
                  label="Mandats (facultatif)"
                  onDone={() => void refresh()}
                />
              </>
            )}
          </section>
        )}
        <ButtonsGroup
          inlineLayoutWhen="sm and up"
          buttons={[
            {
              children: 'Enregistrer le brouillon',
              priority: 'tertiary' as const,
              type: 'button' as const,
              disabled: busy,
              onClick: () => void save(),
            },
            ...(step > 0
              ? [
                  {
                    children: 'Précédent',
                    priority: 'secondary' as const,
                    type: 'button' as const,
                    onClick: () => setStep(step - 1),
                  },
                ]
              : []),
            step === STEPS.length - 1
              ? { children: 'Déposer la candidature', type: 'submit' as const, disabled: busy }
              : { children: 'Enregistrer et continuer', type: 'submit' as const, disabled: busy },
          ]}
        />
      </form>
    </Page>
  );
};
