import type * as Cognito from '@aws-sdk/client-cognito-identity-provider';
import type { UserDirectory } from '../../domain/ports';
import { ConflictError } from '../../domain/errors';
import { STAFF_ROLES } from '../../domain/roles';

/** Invites a company's representative into the Cognito user pool as a candidate of that company. */
export class CognitoUserDirectory implements UserDirectory {
  constructor(
    private readonly sdk: typeof Cognito,
    private readonly cognito: Cognito.CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async invite(user: { email: string; firstName: string; lastName: string; ensId: string }): Promise<string> {
    let sub: string | undefined;
    try {
      const created = await this.cognito.send(
        new this.sdk.AdminCreateUserCommand({
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
      sub = created.User?.Attributes?.find((a) => a.Name === 'sub')?.Value;
    } catch (error) {
      // a replay after a partial failure: the account exists, make sure it is in the group
      if (!(error instanceof this.sdk.UsernameExistsException)) throw error;
    }
    if (!sub) {
      // the account exists: a replay of this very invitation may go on, nothing else — never a staff
      // account (separation of duties), never another company's representative
      const existing = await this.cognito.send(
        new this.sdk.AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: user.email }),
      );
      const groups = await this.cognito.send(
        new this.sdk.AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: user.email }),
      );
      if ((groups.Groups ?? []).some((g) => (STAFF_ROLES as readonly string[]).includes(g.GroupName ?? '')))
        throw new ConflictError('this address belongs to an ANS account: invite the company’s representative');
      const boundTo = existing.UserAttributes?.find((a) => a.Name === 'custom:ensId')?.Value;
      if (boundTo !== user.ensId) throw new ConflictError('this address already represents another company');
      sub = existing.UserAttributes?.find((a) => a.Name === 'sub')?.Value;
    }
    if (!sub) throw new Error('Cognito returned no sub for the invited account');
    await this.cognito.send(
      new this.sdk.AdminAddUserToGroupCommand({
        UserPoolId: this.userPoolId,
        Username: user.email,
        GroupName: 'candidate',
      }),
    );
    return sub;
  }

  async disable(user: { email: string; ensId: string }): Promise<void> {
    let existing: Cognito.AdminGetUserCommandOutput;
    try {
      existing = await this.cognito.send(
        new this.sdk.AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: user.email }),
      );
    } catch (error) {
      if (error instanceof this.sdk.UserNotFoundException) return; // never opened, or gone: nothing to do
      throw error;
    }
    // only the company's own candidate account: never another company's, never staff (no ensId)
    if (existing.UserAttributes?.find((a) => a.Name === 'custom:ensId')?.Value !== user.ensId) return;
    const target = { UserPoolId: this.userPoolId, Username: user.email };
    await this.cognito.send(new this.sdk.AdminDisableUserCommand(target));
    await this.cognito.send(new this.sdk.AdminUserGlobalSignOutCommand(target));
  }
}
