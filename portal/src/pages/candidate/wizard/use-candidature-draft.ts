import { useEffect, useState } from 'react';
import { useUnsavedGuard } from './use-unsaved-guard';
import { useLocation } from 'wouter';
import { api, ApiProblem, ifMatch, unwrap, type Dossier } from '../../../api/client';
import { bodyOf, emptyForm, formOf, type Form, type StepProps } from './candidature-form';

const draftAddress = (id: string) => `/dossiers/${id}/candidature`;

/**
 * The draft behind the wizard: loaded once when the wizard opens on one, created on the first
 * save (the address then becomes the draft's own), saved with If-Match afterwards. A draft saved
 * elsewhere meanwhile (412) keeps the person's entries and takes the new version, so that the next
 * save replaces it knowingly.
 */
export const useCandidatureDraft = (id: string | undefined) => {
  const [, navigate] = useLocation();
  const [form, setForm] = useState<Form>(emptyForm);
  const [dossier, setDossier] = useState<Dossier>();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  // what the service holds, as a form: the entries differ from it until they are saved
  const [savedForm, setSavedForm] = useState<Form>(emptyForm);
  const dirty = JSON.stringify(form) !== JSON.stringify(savedForm);
  useUnsavedGuard(dirty);

  // opened on an existing draft: load it once. Not after the first save moved the address from
  // /nouveau to the draft's own: the form then holds entries newer than the server's copy.
  const loadedId = dossier?.id;
  useEffect(() => {
    if (!id || id === loadedId) return;
    unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id } } })).then((d) => {
      setDossier(d);
      setForm(formOf(d));
      setSavedForm(formOf(d));
    }, setError);
  }, [id, loadedId]);

  const fieldError = (path: string) => (error instanceof ApiProblem ? error.fieldError(path) : undefined);
  const fields: StepProps = {
    form,
    set: (key, value) => setForm((f) => ({ ...f, [key]: value })),
    fieldError,
    state: (path) => (fieldError(path) ? 'error' : 'default'),
  };

  const read = (dossierId: string) => unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id: dossierId } } }));

  /** Saves the draft: creates it the first time, then PATCH with If-Match. */
  const save = async (): Promise<Dossier | undefined> => {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    const sent = form;
    try {
      if (!dossier) {
        const created = await unwrap(api.POST('/v1/dossiers', { body: bodyOf(form, false) as never }));
        const fresh = await read(created.id);
        setDossier(fresh);
        setSavedForm(sent);
        navigate(draftAddress(created.id), { replace: true });
        setSaved('Brouillon enregistré.');
        return fresh;
      }
      const updated = await unwrap(
        api.PATCH('/v1/dossiers/{id}', {
          params: { path: { id: dossier.id }, header: { 'If-Match': ifMatch(dossier) } },
          body: bodyOf(form, true) as never,
        }),
      );
      setDossier({ ...dossier, ...updated, uploads: dossier.uploads });
      setConflict(false);
      setSavedForm(sent);
      setSaved('Brouillon enregistré.');
      return updated;
    } catch (e) {
      if (e instanceof ApiProblem && e.problem.status === 412 && dossier) {
        // someone saved this draft meanwhile: take their version number, keep these entries
        setDossier(await read(dossier.id));
        setConflict(true);
      } else setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  /** After a file: the dossier's uploads and version as the service now has them. */
  const refresh = async () => {
    if (dossier) setDossier(await read(dossier.id));
  };

  /** Saves, then submits for admissibility; a refusal is kept to show beside its field. */
  const submit = async (): Promise<{ submitted: Dossier } | { refused: unknown } | undefined> => {
    const current = await save();
    if (!current) return undefined;
    setBusy(true);
    try {
      await unwrap(api.POST('/v1/dossiers/{id}/submit', { params: { path: { id: current.id } } }));
      return { submitted: current };
    } catch (e) {
      setError(e);
      return { refused: e };
    } finally {
      setBusy(false);
    }
  };

  return { fields, dossier, error, saved, conflict, busy, dirty, save, refresh, submit };
};
