export {
  SETUP_SCRIPT_FILE_NAME,
  managedBlockMarkers,
  renderManagedBlock,
  renderSetupScript,
} from './renderSetupScript';
export type { SetupScriptInput } from './renderSetupScript';
