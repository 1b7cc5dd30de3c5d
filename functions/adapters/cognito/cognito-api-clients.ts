import type * as Cognito from '@aws-sdk/client-cognito-identity-provider';
import { API_CLIENT_SCOPE } from '../../domain/api-clients';
import type { ApiClientDirectory } from '../../domain/ports';

/**
 * A company's API client is a Cognito app client of the user pool: a secret, the
 * client-credentials grant only, the resource server's one scope, tokens of an hour. The app
 * client's name says whose it is; the company it acts for is the platform's record, never the
 * token's claims.
 */
export class CognitoApiClientDirectory implements ApiClientDirectory {
  constructor(
    private readonly sdk: typeof Cognito,
    private readonly cognito: Cognito.CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async create(name: string, companyId: string) {
    const { UserPoolClient } = await this.cognito.send(
      new this.sdk.CreateUserPoolClientCommand({
        UserPoolId: this.userPoolId,
        // Cognito's names are [\w\s+=,.@-]{1,128}: the company's id and the client's name, tamed
        ClientName: `company-${companyId}-${name.replace(/[^\w\s+=,.@-]/g, '_')}`.slice(0, 128),
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthScopes: [API_CLIENT_SCOPE],
        AccessTokenValidity: 60,
        TokenValidityUnits: { AccessToken: 'minutes' },
        EnableTokenRevocation: true,
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    if (!UserPoolClient?.ClientId || !UserPoolClient.ClientSecret) throw new Error('Cognito created no client secret');
    return { clientId: UserPoolClient.ClientId, clientSecret: UserPoolClient.ClientSecret };
  }

  async remove(clientId: string) {
    try {
      await this.cognito.send(
        new this.sdk.DeleteUserPoolClientCommand({ UserPoolId: this.userPoolId, ClientId: clientId }),
      );
    } catch (error) {
      // removed already (a retried revocation): nothing more to do
      if (!(error instanceof this.sdk.ResourceNotFoundException)) throw error;
    }
  }
}
