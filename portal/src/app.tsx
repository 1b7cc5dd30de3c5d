import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useRouter } from 'wouter';
import { Shell } from './layout/shell';
import { Loading } from './ui/page';
import { HOME, type Role, type Session } from './auth/session';
import { useSession } from './auth/use-session';
import { MyDataPage } from './pages/public/my-data-page';
import { HomePage } from './pages/public/home-page';
import { CertificatesPage } from './pages/public/certificates-page';
import { CandidaturesPage } from './pages/public/candidatures-page';
import { VerifyPage } from './pages/public/verify-page';
import { VerifyDocumentPage } from './pages/public/verify-document-page';
import { SignInPage } from './pages/public/sign-in-page';
import { NotFoundPage } from './pages/public/not-found-page';
import { AccessibilityPage, HelpPage, LegalNoticePage, PrivacyPage } from './pages/public/service-pages';

// one chunk per role: a page loads only the code of the person using it
const CandidateArea = lazy(() => import('./pages/candidate/candidate-area'));
const InstructorArea = lazy(() => import('./pages/instructor/instructor-area'));
const SecurityArea = lazy(() => import('./pages/security/security-area'));
const CollegeArea = lazy(() => import('./pages/college/college-area'));
const AdminArea = lazy(() => import('./pages/admin/admin-area'));

/** What anyone may read, signed in or not. */
const PUBLIC_PAGES: [path: string, page: ComponentType][] = [
  ['/', HomePage],
  ['/certificats', CertificatesPage],
  ['/candidatures', CandidaturesPage],
  ['/verifier-un-document', VerifyDocumentPage],
  ['/verifier/:number?', VerifyPage],
  ['/connexion', SignInPage],
  ['/accessibilite', AccessibilityPage],
  ['/mentions-legales', LegalNoticePage],
  ['/donnees-personnelles', PrivacyPage],
  ['/mes-donnees', MyDataPage],
  ['/aide', HelpPage],
];

/** Each role's area: where it lives and its pages (one chunk each). */
const ROLE_AREAS: [path: string, role: Role, Area: ComponentType][] = [
  ['/candidat', 'candidate', CandidateArea],
  ['/instruction', 'instructor', InstructorArea],
  ['/securite', 'security_reviewer', SecurityArea],
  ['/college', 'college', CollegeArea],
  ['/administration', 'admin', AdminArea],
];

export { useSession };

/**
 * A role's area: signed in with that role, or off to sign-in and back afterwards; another role goes
 * to its own area. The area is a nested route: its location is relative to it, so both redirects
 * are absolute (`~`) and the way back carries the area's base.
 */
const RoleArea = ({ role, session, children }: { role: Role; session: Session | null; children: ReactNode }) => {
  const [location] = useLocation();
  const { base } = useRouter();
  if (!session) {
    const back = `${base}${location === '/' ? '' : location}`;
    return <Redirect to={`~/connexion?retour=${encodeURIComponent(back)}`} />;
  }
  if (session.role !== role) return <Redirect to={`~${HOME[session.role]}`} />;
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
};

export const App = () => {
  const session = useSession();
  return (
    <Shell session={session}>
      <Switch>
        {PUBLIC_PAGES.map(([path, page]) => (
          <Route key={path} path={path} component={page} />
        ))}
        {ROLE_AREAS.map(([path, role, Area]) => (
          <Route key={path} path={path} nest>
            <RoleArea role={role} session={session}>
              <Area />
            </RoleArea>
          </Route>
        ))}
        <Route component={NotFoundPage} />
      </Switch>
    </Shell>
  );
};
