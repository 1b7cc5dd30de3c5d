import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Redirect } from 'wouter';
import { Page } from '../../ui/page';
import { currentSession, HOME } from '../../auth/session';

const TILES = [
  {
    title: 'Certificats publiés',
    desc: 'La liste des solutions certifiées, à rechercher et télécharger.',
    href: '/certificats',
  },
  { title: 'Vérifier un certificat', desc: 'Le statut d’un certificat à partir de son numéro.', href: '/verifier' },
  {
    title: 'Vérifier un document',
    desc: 'Savoir si un certificat ou une convention a bien été délivré par la plateforme, sans l’envoyer.',
    href: '/verifier-un-document',
  },
  { title: 'Espace candidat et ANS', desc: 'Se connecter pour déposer ou instruire un dossier.', href: '/connexion' },
];

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
        {TILES.map((tile) => (
          <div key={tile.href} className="fr-col-12 fr-col-md-3">
            <Tile title={tile.title} desc={tile.desc} linkProps={{ href: tile.href }} orientation="vertical" />
          </div>
        ))}
      </div>
    </Page>
  );
};
