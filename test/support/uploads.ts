import { createHash } from 'node:crypto';
import type { api } from './api-client';

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n% EVIDENCE-MARKER\n%%EOF\n`);

/** Asks for a grant to upload `file` as the proof of a requirement, and PUTs nothing (yet). */
export const proofGrant = (
  http: ReturnType<typeof api>,
  token: string,
  dossierId: string,
  requirementId: string,
  file: Buffer,
) =>
  http.call('POST', `/v1/dossiers/${dossierId}/uploads`, {
    token,
    body: {
      purpose: 'proof',
      requirementId,
      fileName: 'preuve.pdf',
      contentType: 'application/pdf',
      size: file.length,
      sha256: sha256(file),
    },
  });

/** Asks for an upload grant, then PUTs `sent` (default: the announced file) exactly as told. */
export const upload = async (
  http: ReturnType<typeof api>,
  token: string,
  dossierId: string,
  options: {
    purpose?: string;
    file?: Buffer;
    sent?: Buffer;
    contentType?: string;
    size?: number;
    requirementId?: string;
    groupMember?: string;
  },
) => {
  const file = options.file ?? pdf('documentation fonctionnelle');
  const grant = await http.call('POST', `/v1/dossiers/${dossierId}/uploads`, {
    token,
    body: {
      purpose: options.purpose ?? 'functional_documentation',
      fileName: '../../etc/Documentation fonctionnelle.pdf',
      contentType: options.contentType ?? 'application/pdf',
      size: options.size ?? file.length,
      sha256: sha256(file),
      ...(options.requirementId ? { requirementId: options.requirementId } : {}),
      ...(options.groupMember ? { groupMember: options.groupMember } : {}),
    },
  });
  if (grant.status !== 201) return { grant, put: undefined };
  const put = await fetch(grant.json.url, {
    method: grant.json.method,
    headers: grant.json.headers,
    body: options.sent ?? file,
  });
  return { grant, put };
};

/** Waits for the object-created handler to settle an upload (it runs asynchronously, as in AWS). */
export const settled = async (http: ReturnType<typeof api>, token: string, dossierId: string, uploadId: string) => {
  for (let i = 0; i < 100; i++) {
    const dossier = await http.call('GET', `/v1/dossiers/${dossierId}`, { token });
    const found = dossier.json.uploads?.find((u: { id: string }) => u.id === uploadId);
    if (found && found.status !== 'pending') return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`upload ${uploadId} still pending`);
};
