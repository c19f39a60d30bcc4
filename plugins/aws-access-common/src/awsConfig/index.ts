export { planProfiles, sanitizeProfileName } from './profileNames';
export type { PlannedProfile } from './profileNames';
export {
  renderAwsConfig,
  renderProfileBlock,
  renderSsoSessionBlock,
} from './renderAwsConfig';
