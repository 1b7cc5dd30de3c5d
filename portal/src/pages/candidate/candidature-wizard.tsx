import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useLocation, useParams } from 'wouter';
import { ApiProblem } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { STEPS, stepOf } from './wizard/candidature-form';
import { useCandidatureDraft } from './wizard/use-candidature-draft';
import { useResumedStep } from './wizard/use-resumed-step';
import { ProductStep } from './wizard/step-product';
import { ProfilesStep } from './wizard/step-profiles';
import { IdentifiersStep } from './wizard/step-identifiers';
import { ComponentsStep } from './wizard/step-components';
import { SummaryStep } from './wizard/step-summary';

/**
 * The candidature (guide §4.2), step by step (wizard/: one component per step, the draft hook);
 * each step is saved as a draft. A draft changed elsewhere meanwhile (412) is explained and the
 * person's entries kept; the service's refusals (422: profile matrix, missing field) are shown next
 * to the field they name, on its step.
 */
export const CandidatureWizard = () => {
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const draft = useCandidatureDraft(params.id);
  const [step, setStep] = useResumedStep(params.id, draft.dossier?.id, STEPS.length - 1);
  const { fields, dossier, error, busy } = draft;

  const next = async () => {
    if (await draft.save()) setStep((s) => Math.min(s + 1, STEPS.length - 1));
  };
  const submit = async () => {
    const outcome = await draft.submit();
    if (outcome && 'submitted' in outcome) return navigate(`/dossiers/${outcome.submitted.id}`);
    // take the person to the step that holds the first field the service named
    const path =
      outcome && outcome.refused instanceof ApiProblem ? outcome.refused.problem.errors?.[0]?.path : undefined;
    if (path) setStep(stepOf(path));
  };

  if (params.id && !dossier && !error) return <Loading />;
  if (dossier && dossier.status !== 'draft')
    return (
      <Page title="Candidature">
        <Alert severity="info" small description="Cette candidature a été déposée : elle ne se modifie plus." />
      </Page>
    );

  return (
    <Page
      title={dossier ? `Candidature — ${dossier.product.name}` : 'Nouvelle candidature'}
      trail={[{ label: 'Mes dossiers', href: '~/candidat' }]}
    >
      <Stepper currentStep={step + 1} stepCount={STEPS.length} title={STEPS[step]!} nextTitle={STEPS[step + 1]} />
      {draft.conflict && (
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
      <SuccessNotice message={draft.saved} />
      {draft.dirty && (
        <p className="fr-text--sm fr-mb-2w tlc-unsaved" role="status">
          Modifications non enregistrées : enregistrez le brouillon avant de quitter la page.
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void (step === STEPS.length - 1 ? submit() : next());
        }}
        noValidate
      >
        {step === 0 && <ProductStep {...fields} />}
        {step === 1 && <ProfilesStep {...fields} />}
        {step === 2 && <IdentifiersStep {...fields} />}
        {step === 3 && <ComponentsStep {...fields} />}
        {step === 4 && <SummaryStep form={fields.form} dossier={dossier} refresh={() => void draft.refresh()} />}
        <ButtonsGroup
          inlineLayoutWhen="sm and up"
          buttons={[
            {
              children: 'Enregistrer le brouillon',
              priority: 'tertiary' as const,
              type: 'button' as const,
              disabled: busy,
              onClick: () => void draft.save(),
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
