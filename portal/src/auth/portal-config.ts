/**
 * How this deployment signs people in: `local` on `npm start` (a token from /_local/token), or
 * Cognito's hosted sign-in in AWS (authorization code + PKCE), from `/config.json`, which the
 * portal stack writes next to the files.
 */
export type PortalConfig =
  | { auth: 'local' }
  | { auth: 'cognito'; issuer: string; domain: string; clientId: string; redirectUri: string; logoutUri: string };

let config: Promise<PortalConfig> | undefined;
export const portalConfig = () =>
  (config ??= fetch('/config.json').then((r) => {
    if (!r.ok) throw new Error('configuration du portail introuvable');
    return r.json() as Promise<PortalConfig>;
  }));
