// The baseline of the cold-start ratio: a bare handler that makes the same SDK call as a
// dossier read (one DynamoDB GetItem through the document client), bundled and loaded the same way.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => {
  const id = event?.pathParameters?.id ?? 'none';
  const { Item } = await db.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: `DOSSIER#${id}`, sk: 'META' } }),
  );
  return { statusCode: Item ? 200 : 404, body: '' };
};
