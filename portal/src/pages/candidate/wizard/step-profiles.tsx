import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { PROFILE_LABELS, USE_CASE_LABELS } from '../../../ui/labels';
import { MATRIX, type Profile, type StepProps } from './candidature-form';

/** Step 2: the profiles, with what the use case requires (the matrix the service checks with). */
export const ProfilesStep = ({ form, set, state, fieldError }: StepProps) => {
  const useCaseRule = MATRIX.useCases[form.useCase];
  const toggleProfile = (p: Profile, on: boolean) =>
    set('profiles', on ? [...form.profiles, p] : form.profiles.filter((x) => x !== p));
  return (
    <>
      <CallOut title="Ce que demande votre cas d’usage" className="fr-mb-3w">
        Pour « {USE_CASE_LABELS[form.useCase]} » : les profils{' '}
        {[...MATRIX.always, ...useCaseRule.required].map((p) => PROFILE_LABELS[p].title).join(', ')} sont exigés, et
        exactement un profil d’hébergement ({MATRIX.hosting.map((p) => PROFILE_LABELS[p].title).join(' ou ')}).
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
  );
};
