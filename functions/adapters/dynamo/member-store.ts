import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { CompanyMembers } from '../../domain/ports';
import { keys, queryPartition, type DocumentClient } from './client';

/** The gsi1 partition of a company's accounts (its representative's, replaced ones removed). */
const membersOf = (companyId: string) => `MEMBERS#${companyId}`;

/**
 * Account → company bindings: one item per account, written by the invitation, never moved to
 * another company. A replaced representative's binding is marked removed rather than deleted, so
 * that no later token for the same account binds it again.
 */
export class DynamoMemberStore implements CompanyMembers {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async companyOf(sub: string): Promise<string | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.member(sub) }));
    return typeof Item?.companyId === 'string' && !Item.removedAt ? Item.companyId : null;
  }

  async bind(sub: string, companyId: string, email?: string): Promise<void> {
    try {
      // an update, not a put: a later sign-in without the address keeps the one the invitation wrote
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.member(sub),
          UpdateExpression: `SET #type = :type, companyId = :c, gsi1pk = :members, gsi1sk = :sub${email ? ', email = :email' : ''}`,
          // a binding never moves to another company, nor comes back once removed (a replay of
          // the same one is fine)
          ConditionExpression: 'attribute_not_exists(pk) OR (companyId = :c AND attribute_not_exists(removedAt))',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':type': 'member',
            ':c': companyId,
            ':members': membersOf(companyId),
            ':sub': sub,
            ...(email ? { ':email': email.toLowerCase() } : {}),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.table, Key: keys.member(sub), ConsistentRead: true }),
      );
      if (Item?.companyId === companyId && Item.removedAt)
        throw new ConflictError('this account was removed from its company');
      throw new ConflictError('this account already acts for another company');
    }
  }

  async removeByEmail(companyId: string, email: string, at: string): Promise<string[]> {
    const removed: string[] = [];
    for await (const item of queryPartition(this.db, this.table, { index: 'gsi1', value: membersOf(companyId) })) {
      if (item.email !== email.toLowerCase() || item.removedAt) continue;
      const sub = String(item.gsi1sk);
      // the address goes with the binding: only the account id and the company stay
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.member(sub), type: 'member', companyId, removedAt: at },
        }),
      );
      removed.push(sub);
    }
    return removed;
  }
}
