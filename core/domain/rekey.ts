// Re-encrypting the caseload under a new key: its stages, as the coordinator sees them.
/** Stages of re-encrypting the caseload, for the progress shown while it runs. */
export const REKEY_STAGES = ['preparing', 'encrypting', 'checking', 'finishing'] as const;
export type RekeyStage = (typeof REKEY_STAGES)[number];

export const REKEY_STAGE_LABELS: Record<RekeyStage, string> = {
  preparing: 'Making a new key',
  encrypting: 'Re-encrypting the caseload',
  checking: 'Checking the re-encrypted caseload',
  finishing: 'Saving the new key',
};

export interface RekeyProgress {
  running: boolean;
  stage: RekeyStage | null;
}
