import type { ReactNode } from 'react';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { useLocation } from 'wouter';
import { HOME, ROLE_LABELS, signOut, type Session } from '../auth/session';
import { portalConfig } from '../auth/portal-config';

const BRAND = (
  <>
    République
    <br />
    Française
  </>
);

const navigationFor = (session: Session | null, location: string) => {
  const item = (text: string, href: string) => ({
    text,
    linkProps: { href },
    isActive: href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`),
  });
  const common = [
    item('Certificats publiés', '/certificats'),
    item('Candidatures en cours', '/candidatures'),
    item('Vérifier un certificat', '/verifier'),
    item('Vérifier un document', '/verifier-un-document'),
  ];
  if (!session) return common;
  const own: Record<Session['role'], ReturnType<typeof item>[]> = {
    candidate: [item('Mes dossiers', '/candidat'), item('Intégrer vos outils', '/candidat/outils')],
    instructor: [item('Files d’instruction', '/instruction'), item('Tableau de bord', '/instruction/tableau-de-bord')],
    security_reviewer: [item('Preuves sensibles', '/securite')],
    college: [item('Ordre du jour', '/college')],
    admin: [item('Administration', '/administration')],
  };
  // one current page: where two entries match (« /instruction » and « /instruction/tableau-de-bord »),
  // the longer one is the page the person is on
  const items = [...own[session.role], ...common];
  const current = items.filter((i) => i.isActive).sort((a, b) => b.linkProps.href.length - a.linkProps.href.length)[0];
  return items.map((i) => ({ ...i, isActive: i === current }));
};

/** The DSFR frame every page shares: skip links, header with the Marianne, navigation, footer. */
export const Shell = ({ session, children }: { session: Session | null; children: ReactNode }) => {
  const [location, navigate] = useLocation();
  const leave = async () => {
    signOut();
    const config = await portalConfig().catch(() => ({ auth: 'local' as const }));
    if (config.auth === 'cognito') {
      const { signOutUrl } = await import('../auth/cognito');
      window.location.assign(signOutUrl(config));
    } else navigate('/');
  };
  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#fr-header-main-navigation' },
          { label: 'Pied de page', anchor: '#fr-footer' },
        ]}
      />
      <Header
        brandTop={BRAND}
        serviceTitle="Certification des solutions de téléconsultation"
        serviceTagline="Agence du numérique en santé"
        homeLinkProps={{ href: session ? HOME[session.role] : '/', title: 'Accueil — Certification téléconsultation' }}
        quickAccessItems={
          session
            ? [
                {
                  iconId: 'fr-icon-account-circle-line',
                  text: ROLE_LABELS[session.role],
                  linkProps: { href: HOME[session.role] },
                },
                { iconId: 'fr-icon-file-text-line', text: 'Mes données', linkProps: { href: '/mes-donnees' } },
                {
                  iconId: 'fr-icon-logout-box-r-line',
                  text: 'Se déconnecter',
                  buttonProps: { onClick: () => void leave() },
                },
              ]
            : [{ iconId: 'fr-icon-lock-line', text: 'Se connecter', linkProps: { href: '/connexion' } }]
        }
        navigation={navigationFor(session, location)}
      />
      <main id="contenu" className="fr-container fr-mb-8w" tabIndex={-1}>
        {children}
      </main>
      <Footer
        brandTop={BRAND}
        accessibility="partially compliant"
        contentDescription="Plateforme de l’Agence du numérique en santé pour la certification des systèmes d’information de téléconsultation (article R. 1470-1 et suivants du code de la santé publique)."
        homeLinkProps={{ href: '/', title: 'Accueil — Certification téléconsultation' }}
        accessibilityLinkProps={{ href: '/accessibilite' }}
        termsLinkProps={{ href: '/mentions-legales' }}
        bottomItems={[
          { text: 'Données personnelles', linkProps: { href: '/donnees-personnelles' } },
          { text: 'Aide et contact', linkProps: { href: '/aide' } },
        ]}
      />
    </>
  );
};
