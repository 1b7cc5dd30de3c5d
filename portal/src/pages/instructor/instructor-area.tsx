import { Route, Switch, useParams } from 'wouter';
import { QueuesPage } from './queues-page';
import { ReviewPage } from './review-page';
import { WorkloadPage } from './workload-page';
import { CertificateView } from '../../dossier/certificate-view';
import { NotFoundPage } from '../public/not-found-page';

const InstructorCertificate = () => {
  const { number } = useParams<{ number: string }>();
  return (
    <CertificateView number={number} side="ans" trail={[{ label: 'Files d’instruction', href: '~/instruction' }]} />
  );
};

/** ANS instructors' pages (one chunk). */
export default function InstructorArea() {
  return (
    <Switch>
      <Route path="/" component={QueuesPage} />
      <Route path="/tableau-de-bord" component={WorkloadPage} />
      <Route path="/dossiers/:id" component={ReviewPage} />
      <Route path="/certificats/:number" component={InstructorCertificate} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
