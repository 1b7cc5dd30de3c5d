import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const createDocumentClient = (client = new DynamoDBClient({})) =>
  DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });

export type DocumentClient = ReturnType<typeof createDocumentClient>;

/** Key layout of the single table (see README, "Data model"). */
export const keys = {
  dossier: (id: string) => ({ pk: `DOSSIER#${id}`, sk: 'META' }),
  dossierEvent: (id: string, seq: number) => ({ pk: `DOSSIER#${id}`, sk: `EVENT#${String(seq).padStart(8, '0')}` }),
  dossierWorkflow: (id: string) => ({ pk: `DOSSIER#${id}`, sk: 'WORKFLOW' }),
  company: (id: string) => ({ pk: `COMPANY#${id}`, sk: 'META' }),
  companyRegistration: (key: string) => ({ pk: `COMPANYKEY#${key}`, sk: 'COMPANYKEY' }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  documentJob: (id: string) => ({ pk: `DOCUMENT#${id}`, sk: 'DOCUMENT' }),
  upload: (dossierId: string, uploadId: string) => ({ pk: `DOSSIER#${dossierId}`, sk: `UPLOAD#${uploadId}` }),
  message: (dossierId: string, at: string, id: string) => ({ pk: `DOSSIER#${dossierId}`, sk: `MESSAGE#${at}#${id}` }),
  productKey: (key: string) => ({ pk: `PRODUCT#${key}`, sk: 'PRODUCT' }),
  member: (sub: string) => ({ pk: `USER#${sub}`, sk: 'COMPANY' }),
};

export const OUTBOX_PENDING = 'OUTBOX#PENDING';
export const DOCUMENTS_PENDING = 'DOCUMENT#PENDING';
