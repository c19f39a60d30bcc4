export {
  PROFILE_NAME_PLACEHOLDERS,
  planProfiles,
  sanitizeProfileName,
} from './profileNames';
export type { PlannedProfile } from './profileNames';
export {
  isReservedProfileName,
  profileNameProblem,
  ssoSessionNameProblem,
} from './sectionNames';
export {
  profilesByOrganization,
  renderAwsConfig,
  renderProfileBlock,
  renderSsoSessionBlock,
} from './renderAwsConfig';
export type { AwsConfigVariant } from './renderAwsConfig';
export {
  AUTHORIZATION_CODE_CLI,
  REMOTE_SIGN_IN_ADVICE,
  cliCommands,
  configureSsoCommand,
  consoleUrl,
  loginCommand,
  shellQuote,
  wizardAnswers,
} from './cliGuide';
export type { SignInOptions, WizardAnswer } from './cliGuide';
