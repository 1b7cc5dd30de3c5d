import { Route, Switch } from 'wouter';
import { DashboardPage } from './dashboard-page';
import { CandidatureWizard } from './candidature-wizard';
import { DossierPage } from './dossier-page';
import { CandidaturePrintPage } from './candidature-print-page';
import { CertificatePage } from './certificate-page';
import { ToolsPage } from './tools-page';
import { NotFoundPage } from '../public/not-found-page';

/** The candidate's pages (one chunk, loaded on sign-in as a candidate). */
export default function CandidateArea() {
  return (
    <Switch>
      <Route path="/" component={DashboardPage} />
      <Route path="/dossiers/nouveau" component={CandidatureWizard} />
      <Route path="/dossiers/:id/candidature" component={CandidatureWizard} />
      <Route path="/dossiers/:id/recapitulatif" component={CandidaturePrintPage} />
      <Route path="/dossiers/:id" component={DossierPage} />
      <Route path="/certificats/:number" component={CertificatePage} />
      <Route path="/outils" component={ToolsPage} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
