import { useParams } from 'wouter';
import { CertificateView } from '../../dossier/certificate-view';

export const CertificatePage = () => {
  const { number } = useParams<{ number: string }>();
  return <CertificateView number={number} side="candidate" trail={[{ label: 'Mes dossiers', href: '~/candidat' }]} />;
};
