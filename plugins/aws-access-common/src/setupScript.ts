/**
 * The file name the portal offers the setup script under (the backend renders the script).
 *
 * @public
 */
export const SETUP_SCRIPT_FILE_NAME = 'setup-aws-access.sh';
