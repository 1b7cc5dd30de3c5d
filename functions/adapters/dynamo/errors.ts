import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Which items of a transaction failed their condition (index → true). */
export const failedConditions = (error: unknown): boolean[] | null => {
  if (error instanceof TransactionCanceledException) {
    return (error.CancellationReasons ?? []).map((r) => r.Code === 'ConditionalCheckFailed');
  }
  return null;
};

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException || (failedConditions(error)?.some(Boolean) ?? false);
