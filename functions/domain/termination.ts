/** The cases of a termination for fault (convention art. 16). */
export const FAULT_CASES = [
  'inaccurate_information',
  'no_longer_compliant',
  'no_regular_service',
  'misuse_of_certificate',
  'obstruction_of_control',
  'serious_or_repeated_breach',
] as const;
export type FaultCase = (typeof FAULT_CASES)[number];
