import type * as z from 'zod';
import { NotFoundError } from '../../domain/errors';
import { companyCertificateView } from '../certificate-view';
import type {
  closeNoticeSchema,
  formalNoticeSchema,
  noticeResponseSchema,
  observationsNoticeSchema,
  observationsSchema,
  reinstateSchema,
  sanctionSchema,
  nonRenewalSchema,
  withdrawSchema,
  renewalCandidatureSchema,
  renewalRequiredSchema,
  substantialChangeSchema,
  terminateSchema,
} from '../../domain/schemas';
import * as life from '../../use-cases/certificate-life';
import { reasonsOf } from '../../domain/schemas';
import { createRenewalCandidature } from '../../use-cases/renewal-candidature';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { etag } from '../request';

/** The body of the action, already parsed by the route's own schema (routes.ts). */
type Body<S extends z.ZodType> = z.infer<S>;

/** Everything done to a certificate after its grant: one function, routed by the action in the path. */
export const handler = endpoint(
  [
    routes.certificateActionFormalNotice,
    routes.certificateActionFormalNoticeResponse,
    routes.certificateActionFormalNoticeClose,
    routes.certificateActionSuspend,
    routes.certificateActionReinstate,
    routes.certificateActionWithdraw,
    routes.certificateActionObservationsNotice,
    routes.certificateActionObservations,
    routes.certificateActionTerminate,
    routes.certificateActionSubstantialChange,
    routes.certificateActionNonRenewal,
    routes.certificateActionRenewalRequired,
    routes.certificateActionRenewalCandidature,
  ],
  async ({ event, deps, caller, params, body }) => {
    const { number } = params;
    const action = event.rawPath.split(`/${number}`)[1] ?? '';
    const view = (c: Awaited<ReturnType<typeof life.formalNotice>>) =>
      json(200, companyCertificateView(c, deps.clock.now()));
    switch (`${event.requestContext.http.method} ${action}`) {
      case 'POST /formal-notice':
        return view(await life.formalNotice(deps, caller, number, body as Body<typeof formalNoticeSchema>));
      case 'POST /formal-notice/response':
        return view(
          await life.respondToFormalNotice(deps, caller, number, (body as Body<typeof noticeResponseSchema>).message),
        );
      case 'POST /formal-notice/close':
        return view(
          await life.closeFormalNotice(
            deps,
            caller,
            number,
            (body as Body<typeof closeNoticeSchema> | undefined)?.noticeId,
          ),
        );
      case 'POST /suspend':
      case 'POST /reinstate':
      case 'POST /withdraw': {
        const reasons = reasonsOf(body as Body<typeof sanctionSchema | typeof reinstateSchema> | undefined);
        return view(
          await life.changeCertificateStatus(
            deps,
            caller,
            number,
            action.slice(1) as 'suspend' | 'reinstate' | 'withdraw',
            reasons,
            (body as Body<typeof withdrawSchema> | undefined)?.basis,
          ),
        );
      }
      case 'POST /observations-notice':
        return view(
          await life.noticeToPresentObservations(deps, caller, number, body as Body<typeof observationsNoticeSchema>),
        );
      case 'POST /observations':
        return view(
          await life.presentObservations(deps, caller, number, (body as Body<typeof observationsSchema>).text),
        );
      case 'POST /terminate': {
        const { reason: _reason, reasons: _reasons, ...termination } = body as Body<typeof terminateSchema>;
        return view(
          await life.terminateCertificate(deps, caller, number, {
            ...termination,
            reasons: reasonsOf(body as Body<typeof terminateSchema>),
          }),
        );
      }
      case 'POST /non-renewal':
        return view(
          await life.noticeAgainstRenewal(deps, caller, number, (body as Body<typeof nonRenewalSchema>).reasons),
        );
      case 'POST /renewal-required':
        return view(await life.requireRenewal(deps, caller, number, body as Body<typeof renewalRequiredSchema>));
      case 'POST /substantial-change':
        return view(
          await life.declareSubstantialChange(
            deps,
            caller,
            number,
            (body as Body<typeof substantialChangeSchema>).description,
          ),
        );
      case 'POST /renewal-candidature': {
        const input = (body as Body<typeof renewalCandidatureSchema> | undefined) ?? {};
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
  },
);
