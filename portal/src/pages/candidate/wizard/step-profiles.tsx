import { useEffect } from 'react';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { PROFILE_LABELS, USE_CASE_LABELS } from '../../../ui/labels';
import { MATRIX, type Profile, type StepProps } from './candidature-form';

/**
 * Step 2: the profiles, with what the use case requires (the matrix the service checks with): the
 * required ones are ticked for the company and cannot be unticked, the hosting is one choice of
 * its own (exactly one is allowed), the optional ones are the company's to tick.
 */
export const ProfilesStep = ({ form, set, state, fieldError }: StepProps) => {
  const useCaseRule = MATRIX.useCases[form.useCase];
  const required = [...MATRIX.always, ...useCaseRule.required];
  const hostingOptions = MATRIX.hosting;
  const others = (Object.keys(PROFILE_LABELS) as Profile[]).filter((p) => !hostingOptions.includes(p));
  // the profiles the use case requires are part of the candidature from the start
  useEffect(() => {
    const missing = required.filter((p) => !form.profiles.includes(p));
    if (missing.length) set('profiles', [...form.profiles, ...missing]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.useCase]);
  const toggleProfile = (p: Profile, on: boolean) =>
    set('profiles', on ? [...form.profiles, p] : form.profiles.filter((x) => x !== p));
  const chooseHosting = (p: Profile) =>
    set('profiles', [...form.profiles.filter((x) => !hostingOptions.includes(x)), p]);
  return (
    <>
      <CallOut title="Ce que demande votre cas d’usage" className="fr-mb-3w">
        Pour « {USE_CASE_LABELS[form.useCase]} » : les profils {required.map((p) => PROFILE_LABELS[p].title).join(', ')}{' '}
        sont exigés (déjà cochés), et exactement un profil d’hébergement. Facultatifs :{' '}
        {useCaseRule.optional.map((p) => PROFILE_LABELS[p].title).join(', ') || 'aucun'}.
      </CallOut>
      <Checkbox
        legend="Profils de la solution"
        state={state('profiles')}
        stateRelatedMessage={fieldError('profiles')}
        options={others.map((p) => {
          const isRequired = required.includes(p);
          const allowed = isRequired || useCaseRule.optional.includes(p);
          return {
            label: `${PROFILE_LABELS[p].title}${isRequired ? ' (exigé)' : allowed ? ' (facultatif)' : ' (non disponible pour ce cas d’usage)'}`,
            hintText: PROFILE_LABELS[p].hint,
            nativeInputProps: {
              name: 'profiles',
              value: p,
              checked: form.profiles.includes(p),
              disabled: isRequired || (!allowed && !form.profiles.includes(p)),
              onChange: (e) => toggleProfile(p, e.target.checked),
            },
          };
        })}
      />
      <RadioButtons
        legend="Hébergement des données de santé (un seul)"
        name="hosting"
        options={hostingOptions.map((p) => ({
          label: PROFILE_LABELS[p].title,
          hintText: PROFILE_LABELS[p].hint,
          nativeInputProps: {
            value: p,
            checked: form.profiles.includes(p),
            onChange: () => chooseHosting(p),
          },
        }))}
      />
    </>
  );
};
