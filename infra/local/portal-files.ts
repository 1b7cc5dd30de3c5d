import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { problem } from '../../functions/http/problem';
import type { HttpResponse } from '../../functions/http/types';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../portal/security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/**
 * The built portal (`portal/dist`), served as CloudFront serves its bucket: files by path, any
 * other path answered with `index.html` (the portal routes in the browser), immutable caching for
 * hashed assets, the same security headers. `/config.json` tells the portal to sign in locally.
 */
export const portalFiles = (distDir: string, storageOrigins: string[]) => {
  const headers = { ...SECURITY_HEADERS, 'content-security-policy': contentSecurityPolicy(storageOrigins) };
  return async (urlPath: string): Promise<HttpResponse> => {
    if (urlPath === '/config.json')
      return { statusCode: 200, headers: { ...headers, 'content-type': TYPES['.json']! }, body: '{"auth":"local"}' };
    const relative = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
    const file = path.join(distDir, relative);
    const extension = path.extname(file);
    if (!file.startsWith(distDir)) return problem(404, 'not-found', 'Resource not found', urlPath);
    try {
      if (extension && extension !== '.html') {
        const body = await readFile(file);
        return {
          statusCode: 200,
          headers: {
            ...headers,
            'content-type': TYPES[extension] ?? 'application/octet-stream',
            'cache-control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          },
          body: body.toString('base64'),
          isBase64Encoded: true,
        };
      }
      const index = await readFile(path.join(distDir, 'index.html'), 'utf8');
      return {
        statusCode: 200,
        headers: { ...headers, 'content-type': TYPES['.html']!, 'cache-control': 'no-cache' },
        body: index,
      };
    } catch {
      if (extension) return problem(404, 'not-found', 'Resource not found', `No file ${urlPath}`);
      return {
        statusCode: 503,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'The portal is not built: run `npm run build:portal` (npm start does it).',
      };
    }
  };
};
