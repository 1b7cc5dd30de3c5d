import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/**
 * Cognito's pre-token-generation trigger (event version 2): the API accepts access tokens only
 * (issue 23), so the access token carries what the API reads of a person — the company it acts for
 * (`custom:ensId`, immutable, written by the invitation) and its address. Groups are already there.
 * No personal data is logged.
 */
export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const attributes = event.request.userAttributes;
  const claims: Record<string, string> = {};
  if (attributes['custom:ensId']) claims['custom:ensId'] = attributes['custom:ensId'];
  if (attributes.email) claims.email = attributes.email;
  event.response = {
    claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: claims } },
  };
  return event;
};
