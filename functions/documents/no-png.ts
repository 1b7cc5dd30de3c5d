/**
 * Stands for `@pdf-lib/upng` in the deployed bundles (an esbuild alias: infra/constructs/
 * certification-function.ts, `BUNDLE_ALIASES`). The platform's PDFs embed fonts and text, no image;
 * pdf-lib's PNG decoder (24 KB, with its own copy of pako's inflate) only made the renderer's bundle
 * heavier. Embedding a PNG in a deployed function fails loudly rather than wrongly.
 */
const notBundled = (): never => {
  throw new Error('PNG images are not bundled with the document renderer (functions/documents/no-png.ts)');
};

export default { decode: notBundled, toRGBA8: notBundled };
