/**
 * Every handler module, by the name the route table uses: a route naming a module that does not
 * exist fails to compile (RouteSpec.handler is a HandlerName), and CDK and the local server find the
 * module under functions/http/handlers/{name}.ts.
 */
import type * as acknowledgeDecision from './handlers/acknowledge-decision';
import type * as answerInfoRequest from './handlers/answer-info-request';
import type * as certificateAction from './handlers/certificate-action';
import type * as collegeAgenda from './handlers/college-agenda';
import type * as collegeDecision from './handlers/college-decision';
import type * as completeInstruction from './handlers/complete-instruction';
import type * as createCompany from './handlers/create-company';
import type * as createDossier from './handlers/create-dossier';
import type * as createUpload from './handlers/create-upload';
import type * as decideAdmissibility from './handlers/decide-admissibility';
import type * as downloadCertificate from './handlers/download-certificate';
import type * as downloadConvention from './handlers/download-convention';
import type * as downloadUpload from './handlers/download-upload';
import type * as exportQueue from './handlers/export-queue';
import type * as getCertificate from './handlers/get-certificate';
import type * as getDossier from './handlers/get-dossier';
import type * as getJournal from './handlers/get-journal';
import type * as getRequirements from './handlers/get-requirements';
import type * as health from './handlers/health';
import type * as importReferential from './handlers/import-referential';
import type * as listDossiers from './handlers/list-dossiers';
import type * as listMessages from './handlers/list-messages';
import type * as listQueue from './handlers/list-queue';
import type * as openInfoRequest from './handlers/open-info-request';
import type * as openapi from './handlers/openapi';
import type * as patchDossier from './handlers/patch-dossier';
import type * as postMessage from './handlers/post-message';
import type * as proposeInsTestDay from './handlers/propose-ins-test-day';
import type * as publicCertificate from './handlers/public-certificate';
import type * as publicCertificates from './handlers/public-certificates';
import type * as recordInsTestOutcome from './handlers/record-ins-test-outcome';
import type * as reviewProof from './handlers/review-proof';
import type * as signConvention from './handlers/sign-convention';
import type * as submitDossier from './handlers/submit-dossier';
import type * as submitSection from './handlers/submit-section';
import type * as withdrawDossier from './handlers/withdraw-dossier';
import type * as withdrawUpload from './handlers/withdraw-upload';

export interface HandlerModules {
  'acknowledge-decision': typeof acknowledgeDecision;
  'answer-info-request': typeof answerInfoRequest;
  'certificate-action': typeof certificateAction;
  'college-agenda': typeof collegeAgenda;
  'college-decision': typeof collegeDecision;
  'complete-instruction': typeof completeInstruction;
  'create-company': typeof createCompany;
  'create-dossier': typeof createDossier;
  'create-upload': typeof createUpload;
  'decide-admissibility': typeof decideAdmissibility;
  'download-certificate': typeof downloadCertificate;
  'download-convention': typeof downloadConvention;
  'download-upload': typeof downloadUpload;
  'export-queue': typeof exportQueue;
  'get-certificate': typeof getCertificate;
  'get-dossier': typeof getDossier;
  'get-journal': typeof getJournal;
  'get-requirements': typeof getRequirements;
  health: typeof health;
  'import-referential': typeof importReferential;
  'list-dossiers': typeof listDossiers;
  'list-messages': typeof listMessages;
  'list-queue': typeof listQueue;
  'open-info-request': typeof openInfoRequest;
  openapi: typeof openapi;
  'patch-dossier': typeof patchDossier;
  'post-message': typeof postMessage;
  'propose-ins-test-day': typeof proposeInsTestDay;
  'public-certificate': typeof publicCertificate;
  'public-certificates': typeof publicCertificates;
  'record-ins-test-outcome': typeof recordInsTestOutcome;
  'review-proof': typeof reviewProof;
  'sign-convention': typeof signConvention;
  'submit-dossier': typeof submitDossier;
  'submit-section': typeof submitSection;
  'withdraw-dossier': typeof withdrawDossier;
  'withdraw-upload': typeof withdrawUpload;
}
export type HandlerName = keyof HandlerModules;
