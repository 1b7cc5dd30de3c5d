import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Redirect } from 'wouter';
import { Page } from '../../ui/page';
import { currentSession, HOME } from '../../auth/session';

export const HomePage = () => {
  const session = currentSession();
  if (session) return <Redirect to={HOME[session.role]} />;
  return (
    <Page title="Certification des systèmes d’information de téléconsultation">
      <p className="fr-text--lead">
        Déposez une candidature, suivez son instruction par l’Agence du numérique en santé et consultez les solutions
        certifiées.
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Certificats publiés"
            desc="La liste des solutions certifiées, à rechercher et télécharger."
            linkProps={{ href: '/certificats' }}
            orientation="vertical"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Vérifier un certificat"
            desc="Le statut d’un certificat à partir de son numéro."
            linkProps={{ href: '/verifier' }}
            orientation="vertical"
          />
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <Tile
            title="Espace candidat et ANS"
            desc="Se connecter pour déposer ou instruire un dossier."
            linkProps={{ href: '/connexion' }}
            orientation="vertical"
          />
        </div>
      </div>
    </Page>
  );
};
