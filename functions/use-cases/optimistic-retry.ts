import { ConflictError, PreconditionFailedError } from '../domain/errors';

/**
 * Runs a read-decide-write step again when another writer changed the dossier in between
 * (optimistic locking: the write fails with PreconditionFailedError). The step reads afresh each
 * time, so it decides on what is stored now. After `attempts` it gives up with a 409.
 */
export const withOptimisticRetry = async <T>(step: () => Promise<T>, attempts = 5): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof PreconditionFailedError)) throw error;
      if (attempt >= attempts) throw new ConflictError('the dossier is changing too fast; try again');
    }
  }
};
