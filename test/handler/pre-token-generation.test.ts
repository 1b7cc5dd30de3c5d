import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/events/pre-token-generation';

/** Cognito's pre-token-generation trigger (v2): the access token carries the company and the address. */
describe('the access token’s claims', () => {
  const event = (userAttributes: Record<string, string>) =>
    ({
      version: '2',
      triggerSource: 'TokenGeneration_HostedAuth',
      region: 'eu-west-3',
      userPoolId: 'pool',
      userName: 'u',
      callerContext: { awsSdkVersion: 'x', clientId: 'c' },
      request: { userAttributes, groupConfiguration: { groupsToOverride: ['candidate'] }, scopes: ['openid'] },
      response: { claimsAndScopeOverrideDetails: {} },
    }) as never;

  it('adds the company a candidate acts for and its address to the access token', async () => {
    const out = (await handler(event({ sub: 's', email: 'rep@acme.fr', 'custom:ensId': 'company-1' }))) as {
      response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: object } } };
    };
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toEqual({
      'custom:ensId': 'company-1',
      email: 'rep@acme.fr',
    });
  });

  it('adds no company to a staff account’s token', async () => {
    const out = (await handler(event({ sub: 's', email: 'instructeur@ans.fr' }))) as {
      response: { claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: object } } };
    };
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride).toEqual({
      email: 'instructeur@ans.fr',
    });
  });
});
