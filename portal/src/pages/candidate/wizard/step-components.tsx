import { Input } from '@codegouvfr/react-dsfr/Input';
import type { Component, StepProps } from './candidature-form';
import { RepeatedRows } from './repeated-rows';
import { Fieldset } from '../../../ui/fieldset';

const COMPONENT_FIELDS = { version: 'Version', nie: 'NIE du composant', nil: 'NIL du composant' } as const;

/** Step 4: the solution's components, and the members of a group filing. */
export const ComponentsStep = ({ form, set, state, fieldError }: StepProps) => {
  /** a field's error state and message, by the path the service names it with */
  const checked = (path: string) => ({ state: state(path), stateRelatedMessage: fieldError(path) });
  return (
    <>
      <Fieldset legend="Composants de la solution">
        {form.components.length === 0 && <p className="fr-text--sm">Aucun composant déclaré (facultatif).</p>}
        <RepeatedRows<Component>
          items={form.components}
          onChange={(components) => set('components', components)}
          blank={{ name: '', version: '', nie: '', nil: '', description: '' }}
          addLabel="Ajouter un composant"
          removeLabel={(i) => `Retirer le composant ${i + 1}`}
          row={(c, i, update) => (
            <>
              <p className="fr-text--bold">Composant {i + 1}</p>
              <Input
                label="Nom"
                {...checked(`components.${i}.name`)}
                nativeInputProps={{ value: c.name, onChange: (e) => update('name', e.target.value) }}
              />
              {(Object.keys(COMPONENT_FIELDS) as (keyof typeof COMPONENT_FIELDS)[]).map((key) => (
                <Input
                  key={key}
                  label={COMPONENT_FIELDS[key]}
                  hintText={key === 'version' ? undefined : 'Exigé avec le profil Référentiel d’identités'}
                  {...checked(`components.${i}.${key}`)}
                  nativeInputProps={{ value: c[key], onChange: (e) => update(key, e.target.value) }}
                />
              ))}
              <Input
                label="Description"
                textArea
                {...checked(`components.${i}.description`)}
                nativeTextAreaProps={{ value: c.description, onChange: (e) => update('description', e.target.value) }}
              />
            </>
          )}
        />
      </Fieldset>
      <Fieldset legend="Groupement (facultatif)" className="fr-mt-4w">
        <p className="fr-text--sm">
          Si votre entreprise dépose en chef de file d’un groupement, déclarez chaque membre : un mandat par membre sera
          demandé avant le dépôt.
        </p>
        <RepeatedRows
          items={form.groupMembers}
          onChange={(members) => set('groupMembers', members)}
          blank={{ name: '', siret: '' }}
          addLabel="Ajouter un membre du groupement"
          removeLabel={(i) => `Retirer le membre ${i + 1}`}
          row={(m, i, update) => (
            <>
              <Input
                label={`Membre ${i + 1} : raison sociale`}
                {...checked(`group.members.${i}.name`)}
                nativeInputProps={{ value: m.name, onChange: (e) => update('name', e.target.value) }}
              />
              <Input
                label={`Membre ${i + 1} : SIRET (facultatif)`}
                {...checked(`group.members.${i}.siret`)}
                nativeInputProps={{ value: m.siret, onChange: (e) => update('siret', e.target.value) }}
              />
            </>
          )}
        />
      </Fieldset>
    </>
  );
};
