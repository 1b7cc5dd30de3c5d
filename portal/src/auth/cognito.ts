import * as oauth from 'oauth4webapi';
import type { PortalConfig } from './portal-config';

type CognitoConfig = Extract<PortalConfig, { auth: 'cognito' }>;

const VERIFIER = 'tlc.pkce.verifier';
const STATE = 'tlc.pkce.state';

const server = (c: CognitoConfig): oauth.AuthorizationServer => ({
  issuer: c.issuer,
  authorization_endpoint: `${c.domain}/oauth2/authorize`,
  token_endpoint: `${c.domain}/oauth2/token`,
});
const client = (c: CognitoConfig): oauth.Client => ({ client_id: c.clientId, token_endpoint_auth_method: 'none' });

/** Sends the browser to Cognito's hosted sign-in (authorization code + PKCE S256). */
export const startSignIn = async (c: CognitoConfig) => {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const url = new URL(server(c).authorization_endpoint!);
  url.search = new URLSearchParams({
    client_id: c.clientId,
    response_type: 'code',
    scope: 'openid email profile',
    redirect_uri: c.redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    // a step-up (signing the convention): Cognito must ask for the password and second factor again
    ...(sessionStorage.getItem('tlc.step-up') ? { prompt: 'login' } : {}),
  }).toString();
  window.location.assign(url);
};

/** Back from Cognito: checks the state, exchanges the code for tokens; returns the access token. */
export const finishSignIn = async (c: CognitoConfig, currentUrl: URL): Promise<string> => {
  const as = server(c);
  const cl = client(c);
  const params = oauth.validateAuthResponse(as, cl, currentUrl, sessionStorage.getItem(STATE) ?? undefined);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    cl,
    oauth.None(),
    params,
    c.redirectUri,
    sessionStorage.getItem(VERIFIER) ?? '',
  );
  const result = await oauth.processAuthorizationCodeResponse(as, cl, response);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  // the API takes access tokens only: the pre-token-generation trigger puts the company
  // (custom:ensId) and the address in it beside the groups
  if (!result.access_token) throw new Error('Cognito n’a pas renvoyé de jeton d’accès');
  return result.access_token;
};

export const signOutUrl = (c: CognitoConfig) =>
  `${c.domain}/logout?${new URLSearchParams({ client_id: c.clientId, logout_uri: c.logoutUri })}`;
