import type { Dossier } from './dossier';
import type { FieldError } from './errors';
import { parisDate } from './calendar';
import { profileErrors, type ProfileMatrix } from './profile-matrix';
import { isMember, receivedUploads, type Upload } from './upload';

/**
 * What stops a draft from being submitted for admissibility (guide §4.2), each as a field error:
 * the profile matrix, the CNDA numbers the identity-referential profile needs, the functional
 * documentation, the mandates of a group, and the answers the form asks for.
 */
export const submissionErrors = (
  dossier: Dossier,
  uploads: Upload[],
  matrix: ProfileMatrix,
  now?: Date,
): FieldError[] => {
  const errors = profileErrors(dossier.useCase, dossier.profiles, matrix, now ? parisDate(now) : undefined);
  if (dossier.profiles.some((p) => matrix.needsNieNil.includes(p))) {
    if (!dossier.nie)
      errors.push({
        path: 'nie',
        message: 'the NIE (CNDA publisher number) is required with the identity_referential profile',
      });
    if (!dossier.nil)
      errors.push({
        path: 'nil',
        message: 'the NIL (CNDA software number) is required with the identity_referential profile',
      });
  }
  if (!dossier.plannedCompleteProofDate) {
    errors.push({ path: 'plannedCompleteProofDate', message: 'give the planned date of a complete evidence file' });
  } else if (now && dossier.plannedCompleteProofDate < parisDate(now)) {
    // a plan for the past is no plan (issue 25: « a past planned date accepted »); the day of
    // submission itself, in Paris, still counts
    errors.push({
      path: 'plannedCompleteProofDate',
      message: `the planned date of a complete evidence file (${dossier.plannedCompleteProofDate}) is past: give today or a later day`,
    });
  }
  if (dossier.publishPlannedDate === undefined) {
    errors.push({ path: 'publishPlannedDate', message: 'say whether ANS may publish the planned date' });
  }
  if (dossier.deployedInTeleconsultationCompany === undefined) {
    errors.push({
      path: 'deployedInTeleconsultationCompany',
      message: 'say whether the system is deployed in a teleconsultation company',
    });
  } else if (dossier.useCase === 'teleconsultation_company' && !dossier.deployedInTeleconsultationCompany) {
    errors.push({
      path: 'deployedInTeleconsultationCompany',
      message: 'the use case teleconsultation_company means the system is deployed in a teleconsultation company',
    });
  }
  if (receivedUploads(uploads, 'functional_documentation').length === 0) {
    errors.push({
      path: 'uploads',
      message: 'the functional documentation is required (received upload with purpose functional_documentation)',
    });
  }
  if (dossier.group) {
    // a mandate naming its member covers that member; one naming nobody (v1.1) covers one of the rest
    const mandates = receivedUploads(uploads, 'mandate');
    const members = dossier.group.members;
    const named = members.map((m) => mandates.some((u) => u.groupMember !== undefined && isMember(m, u.groupMember)));
    const unnamed = mandates.filter((u) => u.groupMember === undefined).length;
    const uncovered = members.filter((_, i) => !named[i]);
    if (uncovered.length > unnamed)
      errors.push({
        path: 'uploads',
        message: `a group lead needs one mandate per member: ${mandates.length} received for ${members.length} members, none for ${uncovered
          .slice(unnamed)
          .map((m) => m.name)
          .join(', ')}`,
      });
  }
  dossier.components.forEach((c, i) => {
    if (dossier.profiles.includes('identity_referential') && !c.nie) {
      errors.push({
        path: `components.${i}.nie`,
        message: 'the component’s NIE is required with the identity_referential profile',
      });
    }
  });
  return errors;
};
