import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces that name the TypeScript sources (`functions/http/handlers/x.ts:12:7`) in a
 * deployed, minified bundle — with the source map read when a stack is first written, not at
 * every cold start.
 *
 * Why not `--enable-source-maps`: Node then reads and parses the bundle's map as it loads it, on
 * every cold start (measured: some 15 ms of a 200 ms start, `npm run bench -- --cold-start-only`),
 * to serve the few invocations that fail. Here the map is read by the first stack formatted —
 * an unhandled error being logged, or the Lambda runtime reporting a thrown one.
 */
export const installSourceMappedStacks = (bundleUrl: string) => {
  const bundlePath = fileURLToPath(bundleUrl);
  let map: SourceMap | null | undefined;
  const sourceMap = () => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${bundlePath}.map`, 'utf8')));
      } catch {
        map = null; // no map beside the bundle: the stack stays as V8 wrote it
      }
    }
    return map;
  };
  type Entry = { originalSource?: string; originalLine?: number; originalColumn?: number; name?: string };
  const entryOf = (site: NodeJS.CallSite): Entry | undefined => {
    const file = site.getFileName();
    const line = site.getLineNumber();
    const column = site.getColumnNumber();
    if ((file !== bundleUrl && file !== bundlePath) || line === null || column === null) return undefined;
    const entry = sourceMap()?.findEntry(line - 1, column - 1) as Entry | undefined;
    return entry?.originalSource === undefined ? undefined : entry;
  };
  // esbuild names sources relative to where it wrote the bundle: keep from the project's folders on
  const sourceName = (source: string) =>
    source.replace(/^(?:\.\.?\/)*(?:.*?\/)?(?=(?:functions|test|node_modules)\/)/, '');
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => {
    const entries = sites.map(entryOf);
    const frames = sites.map((site, i) => {
      const entry = entries[i];
      if (!entry) return site.toString();
      // a frame's function is named where its caller calls it (the minified name means nothing)
      const name = entries[i + 1]?.name ?? '<anonymous>';
      return `${name} (${sourceName(entry.originalSource!)}:${entry.originalLine! + 1}:${entry.originalColumn! + 1})`;
    });
    return [Error.prototype.toString.call(error), ...frames.map((f) => `    at ${f}`)].join('\n');
  };
};
