export { planProfiles, sanitizeProfileName } from './profileNames';
export type { PlannedProfile } from './profileNames';
export {
  renderAwsConfig,
  renderProfileBlock,
  renderSsoSessionBlock,
} from './renderAwsConfig';
export type { AwsConfigVariant } from './renderAwsConfig';
export { cliCommands, consoleUrl, shellQuote, wizardAnswers } from './cliGuide';
export type { WizardAnswer } from './cliGuide';
