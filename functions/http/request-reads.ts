import type { Dependencies } from '../container';
import type { DossierRepository, StoredDossier } from '../domain/ports';
import type { Upload } from '../domain/upload';

type Loaded = { stored: StoredDossier; uploads: Upload[] } | null;

/**
 * A request's dossier reads, made once: the wrapper's tenancy check reads the dossier with its
 * uploads, and the use case's own `get` or `getWithUploads` of the same dossier is served from that
 * read instead of a second round trip. Any write of the dossier (or its failure, as in an
 * optimistic-locking conflict that the use case retries) forgets what was read, so nothing stale is
 * ever served; each caller gets its own copy.
 */
export const readsOnce = (repository: DossierRepository): DossierRepository => {
  const withUploads = new Map<string, Promise<Loaded>>();
  const alone = new Map<string, Promise<StoredDossier | null>>();
  const forget = (id: string) => {
    withUploads.delete(id);
    alone.delete(id);
  };
  const remember = <T>(cache: Map<string, Promise<T>>, id: string, read: () => Promise<T>) => {
    let found = cache.get(id);
    if (!found) {
      found = read();
      cache.set(id, found);
      found.catch(() => forget(id));
    }
    return found.then((value) => structuredClone(value));
  };
  const writing =
    <A extends unknown[], R>(idOf: (...args: A) => string, write: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      forget(idOf(...args));
      try {
        return await write(...args);
      } finally {
        forget(idOf(...args));
      }
    };
  return new Proxy(repository, {
    get(target, property, receiver) {
      switch (property) {
        case 'getWithUploads':
          return (id: string) => remember(withUploads, id, () => target.getWithUploads(id));
        case 'get':
          return (id: string) =>
            withUploads.has(id)
              ? remember(withUploads, id, () => target.getWithUploads(id)).then((l) => l?.stored ?? null)
              : remember(alone, id, () => target.get(id));
        case 'create':
          return writing(
            (change: Parameters<DossierRepository['create']>[0]) => change.dossier.id,
            target.create.bind(target),
          );
        case 'update':
          return writing(
            (_: number, change: Parameters<DossierRepository['update']>[1]) => change.dossier.id,
            target.update.bind(target),
          );
        case 'createUpload':
          return writing((upload: Upload) => upload.dossierId, target.createUpload.bind(target));
        default: {
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? value.bind(target) : value;
        }
      }
    },
  });
};

/** The dependencies of one request: the same ports, the dossier reads made once. */
export const forRequest = (deps: Dependencies): Dependencies => ({ ...deps, dossiers: readsOnce(deps.dossiers) });
