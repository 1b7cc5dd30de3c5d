import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../../domain/ports';

/** Invites a company's representative into the Cognito user pool as a candidate of that company. */
export class CognitoUserDirectory implements UserDirectory {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async invite(user: { email: string; firstName: string; lastName: string; ensId: string }): Promise<void> {
    try {
      await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: user.email,
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: 'given_name', Value: user.firstName },
            { Name: 'family_name', Value: user.lastName },
            { Name: 'custom:ensId', Value: user.ensId },
          ],
        }),
      );
    } catch (error) {
      // a replay after a partial failure: the account exists, make sure it is in the group
      if (!(error instanceof UsernameExistsException)) throw error;
    }
    await this.cognito.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: user.email, GroupName: 'candidate' }),
    );
  }
}
