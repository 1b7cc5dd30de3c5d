import { useEffect, useState } from 'react';
import { currentSession, onSessionChange, type Session } from './session';

/** The signed-in person, kept current as they sign in and out. */
export const useSession = () => {
  const [session, setSession] = useState<Session | null>(currentSession);
  useEffect(() => {
    const stop = onSessionChange(() => setSession(currentSession()));
    return () => void stop();
  }, []);
  return session;
};
