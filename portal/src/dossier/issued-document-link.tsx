import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';

/**
 * A link to a sealed document of the dossier (the complete file's acknowledgement, the decision):
 * asks for a short download link when followed, and says so when the document is still being
 * sealed (409) — next to the link, not far from it.
 */
export const IssuedDocumentLink = ({
  dossierId,
  kind,
  children,
}: {
  dossierId: string;
  kind: 'receipt' | 'decision';
  children: string;
}) => {
  const [error, setError] = useState<unknown>();
  const open = async () => {
    setError(undefined);
    try {
      const { url } = await unwrap(
        api.GET('/v1/dossiers/{id}/documents/{kind}', { params: { path: { id: dossierId, kind } } }),
      );
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <button
        type="button"
        className="fr-link fr-icon-file-download-line fr-link--icon-left"
        onClick={() => void open()}
      >
        {children}
      </button>
      <ProblemAlert error={error} />
    </>
  );
};
