import type { Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { ENV } from '../../functions/config/env';
import { CertificationFunction } from '../constructs/certification-function';

/** Mail: the SES identity and configuration set; bounces and complaints back to the dossier through SNS. */
export const mail = (
  stack: Stack,
  ctx: {
    mailDomain: string;
    ansMailbox: string;
    operationsKey: Key;
    table: Table;
    deadLetters: (name: string) => Queue;
  },
) => {
  const { mailDomain, ansMailbox, operationsKey, table, deadLetters } = ctx;
  // --- mail ----------------------------------------------------------------------------
  const configurationSet = new ConfigurationSet(stack, 'MailConfiguration', {});
  new EmailIdentity(stack, 'MailIdentity', { identity: Identity.domain(mailDomain), configurationSet });
  // bounces and complaints → SNS → the dossier shows the unreachable contact, instructors are told
  const mailFeedbackTopic = new Topic(stack, 'MailFeedback', { masterKey: operationsKey, enforceSSL: true });
  operationsKey.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
  configurationSet.addEventDestination('BouncesAndComplaints', {
    destination: EventDestination.snsTopic(mailFeedbackTopic),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
  });
  const mailFeedback = new CertificationFunction(stack, 'MailFeedbackHandler', {
    entry: 'functions/events/mail-feedback.ts',
    description: 'SES bounces and complaints: marks the contact undeliverable on the dossier',
    deadLetterQueue: deadLetters('MailFeedback'),
  }).bindTable(table, 'write');
  mailFeedback.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
  mailFeedbackTopic.addSubscription(
    new LambdaSubscription(mailFeedback.fn, { deadLetterQueue: deadLetters('MailFeedbackDelivery') }),
  );

  return { configurationSet, mailFeedback };
};
