import { NotFoundError } from '../../domain/errors';
import { publicView } from '../../domain/certificate';
import {
  formalNoticeSchema,
  noticeResponseSchema,
  observationsNoticeSchema,
  observationsSchema,
  closeNoticeSchema,
  reasonSchema,
  renewalCandidatureSchema,
  substantialChangeSchema,
  terminateSchema,
} from '../../domain/schemas';
import * as life from '../../use-cases/certificate-life';
import { createRenewalCandidature } from '../../use-cases/renewal-candidature';
import { endpoint, json } from '../http-handler';
import { etag, parseBody } from '../request';

/** Everything done to a certificate after its grant: one function, routed by the action in the path. */
export const handler = endpoint({ params: ['number'] }, async ({ event, deps, caller, params }) => {
  const { number } = params;
  const action = event.rawPath.split(`/${number}`)[1] ?? '';
  const view = (c: Awaited<ReturnType<typeof life.formalNotice>>) => json(200, { ...publicView(c), life: c });
  switch (`${event.requestContext.http.method} ${action}`) {
    case 'POST /formal-notice':
      return view(await life.formalNotice(deps, caller, number, parseBody(event, formalNoticeSchema)));
    case 'POST /formal-notice/response':
      return view(
        await life.respondToFormalNotice(deps, caller, number, parseBody(event, noticeResponseSchema).message),
      );
    case 'POST /formal-notice/close':
      return view(
        await life.closeFormalNotice(
          deps,
          caller,
          number,
          event.body ? parseBody(event, closeNoticeSchema).noticeId : undefined,
        ),
      );
    case 'POST /suspend':
    case 'POST /reinstate':
    case 'POST /withdraw': {
      const { reason } = event.body ? parseBody(event, reasonSchema) : { reason: undefined };
      return view(
        await life.changeCertificateStatus(
          deps,
          caller,
          number,
          action.slice(1) as 'suspend' | 'reinstate' | 'withdraw',
          reason,
        ),
      );
    }
    case 'POST /observations-notice':
      return view(
        await life.noticeToPresentObservations(deps, caller, number, parseBody(event, observationsNoticeSchema)),
      );
    case 'POST /observations':
      return view(await life.presentObservations(deps, caller, number, parseBody(event, observationsSchema).text));
    case 'POST /terminate':
      return view(await life.terminateCertificate(deps, caller, number, parseBody(event, terminateSchema)));
    case 'POST /substantial-change':
      return view(
        await life.declareSubstantialChange(
          deps,
          caller,
          number,
          parseBody(event, substantialChangeSchema).description,
        ),
      );
    case 'POST /renewal-candidature': {
      const input = event.body ? parseBody(event, renewalCandidatureSchema) : {};
      const stored = await createRenewalCandidature(deps, caller, number, input);
      return json(
        201,
        { id: stored.dossier.id, status: stored.dossier.status, renewalOf: number },
        { etag: etag(stored.version) },
      );
    }
    default:
      throw new NotFoundError(`no such action ${action}`);
  }
});
