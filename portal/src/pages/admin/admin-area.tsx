import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommand } from '../../ui/use-load';
import { ChoiceField } from '../../ui/command-form';
import { Fieldset } from '../../ui/fieldset';

interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}
const emptyPerson: Person = { firstName: '', lastName: '', email: '', phone: '' };

const PersonFields = ({
  legend,
  prefix,
  value,
  onChange,
  error,
}: {
  legend: string;
  prefix: string;
  value: Person;
  onChange: (p: Person) => void;
  error: unknown;
}) => {
  const message = (field: keyof Person) =>
    error instanceof ApiProblem ? error.fieldError(`${prefix}.${field}`) : undefined;
  const input = (field: keyof Person, label: string, type = 'text', autoComplete?: string) => (
    <Input
      label={label}
      state={message(field) ? 'error' : 'default'}
      stateRelatedMessage={message(field)}
      nativeInputProps={{
        type,
        value: value[field],
        autoComplete,
        name: `${prefix}.${field}`,
        onChange: (e) => onChange({ ...value, [field]: e.target.value }),
      }}
    />
  );
  return (
    <Fieldset legend={legend}>
      {input('firstName', 'Prénom', 'text', 'given-name')}
      {input('lastName', 'Nom', 'text', 'family-name')}
      {input('email', 'Adresse électronique', 'email', 'email')}
      {input('phone', 'Téléphone', 'tel', 'tel')}
    </Fieldset>
  );
};

/** Registers a company from the account request form; its contact is invited to sign in. */
const CompanyForm = () => {
  const command = useCommand();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'siret' | 'vatNumber'>('siret');
  const [identifier, setIdentifier] = useState('');
  const [legal, setLegal] = useState(emptyPerson);
  const [contact, setContact] = useState(emptyPerson);
  const [created, setCreated] = useState<string>();
  const fieldError = (path: string) =>
    command.error instanceof ApiProblem ? command.error.fieldError(path) : undefined;
  return (
    <section aria-labelledby="company-title" className="fr-mb-6w">
      <h2 id="company-title">Inscrire une entreprise</h2>
      <ProblemAlert error={command.error} />
      <SuccessNotice message={created} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void command.run(async () => {
            const { id } = await unwrap(
              api.POST('/v1/companies', {
                body: { name, [kind]: identifier, legalRepresentative: legal, contact } as never,
              }),
            );
            setCreated(`Entreprise inscrite (référence ${id}) ; son contact est invité à se connecter.`);
          });
        }}
      >
        <Input
          label="Raison sociale"
          nativeInputProps={{ value: name, onChange: (e) => setName(e.target.value), name: 'name' }}
          state={fieldError('name') ? 'error' : 'default'}
          stateRelatedMessage={fieldError('name')}
        />
        <ChoiceField
          legend="Identifiant"
          name="identifierKind"
          orientation="horizontal"
          choices={{ siret: 'SIRET', vatNumber: 'N° de TVA intracommunautaire' }}
          value={kind}
          onChange={setKind}
        />
        <Input
          label={kind === 'siret' ? 'SIRET (14 chiffres)' : 'Numéro de TVA'}
          state={fieldError(kind) ? 'error' : 'default'}
          stateRelatedMessage={fieldError(kind)}
          nativeInputProps={{ value: identifier, onChange: (e) => setIdentifier(e.target.value), name: 'identifier' }}
        />
        <PersonFields
          legend="Représentant légal"
          prefix="legalRepresentative"
          value={legal}
          onChange={setLegal}
          error={command.error}
        />
        <PersonFields legend="Contact" prefix="contact" value={contact} onChange={setContact} error={command.error} />
        <Button type="submit" disabled={command.busy}>
          Inscrire l’entreprise
        </Button>
      </form>
    </section>
  );
};

const base64Of = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
};

/** Imports a referential version (CSV or XLSX), optionally made current, with a renewal date. */
const ReferentialForm = () => {
  const command = useCommand();
  const [version, setVersion] = useState('');
  const [file, setFile] = useState<File>();
  const [current, setCurrent] = useState(false);
  const [renewalRequiredBy, setRenewal] = useState('');
  return (
    <section aria-labelledby="ref-title">
      <h2 id="ref-title">Importer un référentiel</h2>
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          void command.run(async () => {
            const result = await unwrap(
              api.POST('/v1/referentials', {
                body: {
                  version,
                  format: file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv',
                  content: await base64Of(file),
                  current,
                  ...(renewalRequiredBy ? { renewalRequiredBy } : {}),
                },
              }),
            );
            return result;
          }, 'Référentiel importé.');
        }}
      >
        <Input
          label="Version"
          hintText="Par exemple 1.5.0"
          nativeInputProps={{ value: version, onChange: (e) => setVersion(e.target.value), name: 'version' }}
        />
        <div className="fr-upload-group fr-mb-3w">
          <label className="fr-label" htmlFor="referential-file">
            Fichier du référentiel (CSV ou XLSX)
          </label>
          <input
            className="fr-upload"
            type="file"
            id="referential-file"
            accept=".csv,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </div>
        <Checkbox
          options={[
            {
              label: 'En faire la version en vigueur',
              nativeInputProps: { checked: current, onChange: (e) => setCurrent(e.target.checked), name: 'current' },
            },
          ]}
        />
        <Input
          label="Date limite de renouvellement des certificats antérieurs (facultatif)"
          nativeInputProps={{
            type: 'date',
            value: renewalRequiredBy,
            onChange: (e) => setRenewal(e.target.value),
            name: 'renewalRequiredBy',
          }}
        />
        <Button type="submit" disabled={command.busy || !file}>
          Importer
        </Button>
      </form>
    </section>
  );
};

export default function AdminArea() {
  return (
    <Page title="Administration">
      <CompanyForm />
      <ReferentialForm />
    </Page>
  );
}
