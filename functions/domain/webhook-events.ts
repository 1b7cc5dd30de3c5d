/** The events a company's webhooks may subscribe to (API.md [1.2]); the rules are in webhooks.ts. */
export const WEBHOOK_EVENT_TYPES = [
  'dossier.status_changed',
  'notification.issued',
  'upload.settled',
  'certificate.status_changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The longest webhook URL accepted (the SSRF guard's rules are in webhook-url.ts). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;
