import { serviceNow } from '../../../api/service-time';
import { parisDay } from '../../../ui/format';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { MATRIX, type StepProps } from './candidature-form';
import { BoundInput } from './bound-input';
import { Fieldset } from '../../../ui/fieldset';

/** Step 3: the CNDA identifiers, the planned date of a complete file and the commitments. */
export const IdentifiersStep = (fields: StepProps) => {
  const { form, set, state, fieldError } = fields;
  return (
    <Fieldset legend="Identifiants CNDA et engagements">
      <BoundInput
        fields={fields}
        name="nie"
        label="NIE (numéro d’éditeur CNDA)"
        hint={
          MATRIX.needsNieNil.some((p) => form.profiles.includes(p))
            ? 'Exigé avec le profil Référentiel d’identités'
            : 'Facultatif'
        }
      />
      <BoundInput fields={fields} name="nil" label="NIL (numéro de logiciel CNDA)" />
      <BoundInput
        fields={fields}
        name="plannedCompleteProofDate"
        type="date"
        label="Date prévue de complétude des preuves"
        hint="Aujourd’hui ou plus tard : une date passée est refusée au dépôt."
        min={parisDay(serviceNow())}
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
    </Fieldset>
  );
};
