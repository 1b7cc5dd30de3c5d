import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Loads data for a page, with its error and a reload for after a command. Only the latest load's
 * answer is kept: a slow first load that answers after the reload a command made would otherwise
 * put back what the service held before the command.
 */
export const useLoad = <T>(load: () => Promise<T>, deps: unknown[]) => {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    setLoading(true);
    try {
      const answer = await run();
      if (ticket !== latest.current) return;
      setData(answer);
      setError(undefined);
    } catch (e) {
      if (ticket === latest.current) setError(e);
    } finally {
      if (ticket === latest.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setData };
};

/** Runs a command: busy while it runs, its problem kept to show, then what to do on success. */
export const useCommand = () => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  const run = useCallback(async (command: () => Promise<unknown>, success?: string) => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await command();
      setDone(success);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, done, run, setError };
};

/**
 * A page's commands: each runs (busy, its problem kept to show) and then reloads what the page
 * shows, so that what the person sees is what the service now holds.
 */
export const useCommands = (reload: () => Promise<unknown>) => {
  const command = useCommand();
  const act = (call: () => Promise<unknown>, success: string) =>
    command.run(async () => {
      await call();
      await reload();
    }, success);
  return { command, act };
};
