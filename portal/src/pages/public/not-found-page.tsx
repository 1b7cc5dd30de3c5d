import { Page } from '../../ui/page';

export const NotFoundPage = () => (
  <Page title="Page introuvable">
    <p>La page demandée n’existe pas ou n’est pas accessible avec votre compte.</p>
    <a className="fr-link" href="/">
      Revenir à l’accueil
    </a>
  </Page>
);
