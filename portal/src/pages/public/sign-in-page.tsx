import { useEffect, useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useLocation, useSearch } from 'wouter';
import { portalConfig, type PortalConfig } from '../../auth/portal-config';
import { HOME, ROLE_LABELS, signIn, type Role } from '../../auth/session';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { ApiProblem } from '../../api/client';
import { ChoiceField } from '../../ui/command-form';

/** Where to go once signed in: back where the person was sent from, if it is one of ours. */
const destination = (search: string, role: Role) => {
  const back = new URLSearchParams(search).get('retour');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : HOME[role];
};

/**
 * Local sign-in (npm start only): the local issuer stands in for Cognito and mints a token for the
 * role chosen. Clearly marked: nothing like it exists in AWS.
 */
const LocalSignIn = () => {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [role, setRole] = useState<Role>('candidate');
  const [email, setEmail] = useState('');
  const [companies, setCompanies] = useState<{ id: string; name: string }[]>();
  const [company, setCompany] = useState('');
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    void fetch('/_local/companies')
      .then((r) => r.json() as Promise<{ items: { id: string; name: string }[] }>)
      .then((r) => {
        setCompanies(r.items);
        setCompany((c) => c || r.items[0]?.id || '');
      });
  }, []);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const address = email.trim().toLowerCase() || `${role}@exemple.fr`;
    const response = await fetch('/_local/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        role,
        sub: `local-${address}`,
        email: address,
        ...(role === 'candidate' ? { ensId: company } : {}),
      }),
    });
    const body = await response.json();
    if (!response.ok) return setError(new ApiProblem(body));
    const session = signIn(body.token);
    navigate(destination(search, session.role));
  };
  return (
    <>
      <Alert
        severity="warning"
        title="Connexion locale"
        description="Cette page n’existe que sur une installation locale (npm start) : elle remplace la connexion Cognito et délivre un jeton pour le rôle choisi."
        className="fr-mb-4w"
      />
      <ProblemAlert error={error} />
      <form onSubmit={(e) => void submit(e)}>
        <ChoiceField legend="Rôle" name="role" choices={ROLE_LABELS} value={role} onChange={setRole} />
        <Input
          label="Adresse électronique"
          hintText="Identifie la personne (un même compte reste lié à son entreprise)"
          nativeInputProps={{
            value: email,
            onChange: (e) => setEmail(e.target.value),
            type: 'email',
            autoComplete: 'email',
            name: 'email',
          }}
        />
        {role === 'candidate' &&
          (companies === undefined ? (
            <Loading />
          ) : companies.length === 0 ? (
            <Alert
              severity="info"
              small
              className="fr-mb-3w"
              description="Aucune entreprise n’est enregistrée : connectez-vous d’abord comme administrateur ANS pour en inscrire une."
            />
          ) : (
            <Select
              label="Entreprise représentée"
              nativeSelectProps={{ value: company, onChange: (e) => setCompany(e.target.value), name: 'company' }}
            >
              {companies.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          ))}
        <Button type="submit" disabled={role === 'candidate' && !company}>
          Se connecter
        </Button>
      </form>
    </>
  );
};

/** In AWS: Cognito's hosted sign-in (code + PKCE); this page starts it or finishes it. */
const CognitoSignIn = ({ config }: { config: Extract<PortalConfig, { auth: 'cognito' }> }) => {
  const [, navigate] = useLocation();
  const search = useSearch();
  const [error, setError] = useState<unknown>();
  const returning = new URLSearchParams(search).has('code');
  useEffect(() => {
    if (!returning) return;
    void import('../../auth/cognito')
      .then(({ finishSignIn }) => finishSignIn(config, new URL(window.location.href)))
      .then((token) => navigate(HOME[signIn(token).role], { replace: true }))
      .catch(setError);
  }, [returning, config, navigate]);
  if (returning && !error) return <Loading />;
  return (
    <>
      <ProblemAlert error={error} />
      <p>La connexion se fait sur la page sécurisée de l’ANS (mot de passe et second facteur).</p>
      <Button onClick={() => void import('../../auth/cognito').then(({ startSignIn }) => startSignIn(config))}>
        Se connecter
      </Button>
    </>
  );
};

export const SignInPage = () => {
  const [config, setConfig] = useState<PortalConfig>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    portalConfig().then(setConfig, setError);
  }, []);
  const expired = sessionStorage.getItem('tlc.expired');
  const stepUp = sessionStorage.getItem('tlc.step-up');
  return (
    <Page title="Se connecter">
      {stepUp ? (
        <Alert
          severity="info"
          small
          description="Pour signer, confirmez votre identité : reconnectez-vous (mot de passe et second facteur), puis signez dans les 15 minutes."
          className="fr-mb-3w"
        />
      ) : (
        expired && (
          <Alert severity="info" small description="Votre session a expiré : reconnectez-vous." className="fr-mb-3w" />
        )
      )}
      <ProblemAlert error={error} />
      {!config ? <Loading /> : config.auth === 'local' ? <LocalSignIn /> : <CognitoSignIn config={config} />}
    </Page>
  );
};
