/**
 * The portal's security headers, once: CloudFront's response headers policy sends them in AWS and
 * the local server sends the same, so the browser tests run under the policy users get.
 * `storageOrigins`: where presigned uploads and downloads go (S3), the only other origin the
 * portal talks to; `identityOrigin`: Cognito's hosted sign-in (token exchange).
 */
export const contentSecurityPolicy = (storageOrigins: string[], identityOrigin?: string) =>
  [
    "default-src 'self'",
    // hash-wasm compiles its WebAssembly SHA-256 in the upload worker
    "script-src 'self' 'wasm-unsafe-eval'",
    // DSFR and React set style attributes (the progress bar's width)
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${[...storageOrigins, ...(identityOrigin ? [identityOrigin] : [])].join(' ')}`.trim(),
    // evidence previews (PDF, images) are shown from their presigned URL
    `frame-src 'self' blob: ${storageOrigins.join(' ')}`.trim(),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
} as const;
