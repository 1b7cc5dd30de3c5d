import * as Cognito from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CognitoUserDirectory } from '../../functions/adapters/cognito/cognito-user-directory';
import { ConflictError } from '../../functions/domain/errors';

/**
 * The representative's invitation (Cognito): a replay after a partial failure goes on for the same
 * company; an address that belongs to an ANS account, or to another company's representative, is
 * refused — separation of duties — and never added to the candidate group.
 */
const cognito = mockClient(Cognito.CognitoIdentityProviderClient);
const directory = () => new CognitoUserDirectory(Cognito, new Cognito.CognitoIdentityProviderClient({}), 'pool-1');
const invitation = { email: 'rep@acme.fr', firstName: 'Camille', lastName: 'Martin', ensId: 'company-1' };
const exists = () =>
  cognito
    .on(Cognito.AdminCreateUserCommand)
    .rejects(new Cognito.UsernameExistsException({ message: 'exists', $metadata: {} }));
const account = (ensId: string | undefined, groups: string[]) => {
  cognito.on(Cognito.AdminGetUserCommand).resolves({
    Username: invitation.email,
    UserAttributes: [{ Name: 'sub', Value: 'sub-1' }, ...(ensId ? [{ Name: 'custom:ensId', Value: ensId }] : [])],
  });
  cognito.on(Cognito.AdminListGroupsForUserCommand).resolves({ Groups: groups.map((GroupName) => ({ GroupName })) });
};

beforeEach(() => cognito.reset());

describe('the representative’s invitation', () => {
  it('creates the account and adds it to the candidate group', async () => {
    cognito.on(Cognito.AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'new-sub' }] } });
    expect(await directory().invite(invitation)).toBe('new-sub');
    expect(cognito.commandCalls(Cognito.AdminAddUserToGroupCommand)[0]!.args[0].input.GroupName).toBe('candidate');
  });

  it('goes on when replayed for the same company', async () => {
    exists();
    account('company-1', ['candidate']);
    expect(await directory().invite(invitation)).toBe('sub-1');
    expect(cognito.commandCalls(Cognito.AdminAddUserToGroupCommand)).toHaveLength(1);
  });

  it('refuses an address that belongs to an ANS account, and adds nothing', async () => {
    exists();
    account(undefined, ['instructor']);
    await expect(directory().invite(invitation)).rejects.toThrow(ConflictError);
    expect(cognito.commandCalls(Cognito.AdminAddUserToGroupCommand)).toHaveLength(0);
  });

  it('refuses the representative of another company', async () => {
    exists();
    account('company-2', ['candidate']);
    await expect(directory().invite(invitation)).rejects.toThrow(/another company/);
    expect(cognito.commandCalls(Cognito.AdminAddUserToGroupCommand)).toHaveLength(0);
  });
});
