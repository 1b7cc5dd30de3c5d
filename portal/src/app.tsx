import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation, useRouter } from 'wouter';
import { Shell } from './layout/shell';
import { Loading } from './ui/page';
import { currentSession, HOME, onSessionChange, type Role, type Session } from './auth/session';
import { HomePage } from './pages/public/home-page';
import { CertificatesPage } from './pages/public/certificates-page';
import { CandidaturesPage } from './pages/public/candidatures-page';
import { VerifyPage } from './pages/public/verify-page';
import { VerifyDocumentPage } from './pages/public/verify-document-page';
import { SignInPage } from './pages/public/sign-in-page';
import { NotFoundPage } from './pages/public/not-found-page';

// one chunk per role: a page loads only the code of the person using it
const CandidateArea = lazy(() => import('./pages/candidate/candidate-area'));
const InstructorArea = lazy(() => import('./pages/instructor/instructor-area'));
const SecurityArea = lazy(() => import('./pages/security/security-area'));
const CollegeArea = lazy(() => import('./pages/college/college-area'));
const AdminArea = lazy(() => import('./pages/admin/admin-area'));

export const useSession = () => {
  const [session, setSession] = useState<Session | null>(currentSession);
  useEffect(() => {
    const stop = onSessionChange(() => setSession(currentSession()));
    return () => void stop();
  }, []);
  return session;
};

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
        <Route path="/" component={HomePage} />
        <Route path="/certificats" component={CertificatesPage} />
        <Route path="/candidatures" component={CandidaturesPage} />
        <Route path="/verifier-un-document" component={VerifyDocumentPage} />
        <Route path="/verifier/:number?" component={VerifyPage} />
        <Route path="/connexion" component={SignInPage} />
        <Route path="/candidat" nest>
          <RoleArea role="candidate" session={session}>
            <CandidateArea />
          </RoleArea>
        </Route>
        <Route path="/instruction" nest>
          <RoleArea role="instructor" session={session}>
            <InstructorArea />
          </RoleArea>
        </Route>
        <Route path="/securite" nest>
          <RoleArea role="security_reviewer" session={session}>
            <SecurityArea />
          </RoleArea>
        </Route>
        <Route path="/college" nest>
          <RoleArea role="college" session={session}>
            <CollegeArea />
          </RoleArea>
        </Route>
        <Route path="/administration" nest>
          <RoleArea role="admin" session={session}>
            <AdminArea />
          </RoleArea>
        </Route>
        <Route component={NotFoundPage} />
      </Switch>
    </Shell>
  );
};
