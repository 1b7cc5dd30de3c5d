import type { Dependencies } from '../container';
import { ConflictError } from '../domain/errors';

/**
 * A document asked for but not rendered yet (the document function takes a second or so after
 * the decision is stored): 409, and the caller retries. Kept apart from the renderer so that the
 * download routes never bundle pdf-lib.
 */
export const assertRendered = async (deps: Dependencies, key: string) => {
  if (!(await deps.storage.exists('evidence', key)))
    throw new ConflictError('the document is being prepared: try again in a few seconds');
};
