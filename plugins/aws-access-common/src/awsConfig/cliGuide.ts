import { CliProfileSettings, SsoSessionSettings } from '../types';
import { PlannedProfile } from './profileNames';

/**
 * The access portal's shortcut link that opens the console in an account with a role.
 *
 * @public
 */
export function consoleUrl(
  startUrl: string,
  accountId: string,
  roleName: string,
  destination?: string,
): string {
  const query = new URLSearchParams({
    account_id: accountId,
    role_name: roleName,
  });
  if (destination) {
    query.set('destination', destination);
  }
  return `${startUrl.replace(/\/+$/, '')}/#/console?${query.toString()}`;
}

/**
 * One question `aws configure sso` asks, with the answer to give.
 *
 * @public
 */
export interface WizardAnswer {
  prompt: string;
  answer: string;
}

/**
 * The answers to `aws configure sso`, in the order the wizard asks. The wording of the
 * prompts differs a little between CLI versions; the order does not. Account and role are
 * chosen from lists the CLI shows after signing in.
 *
 * @public
 */
export function wizardAnswers(
  profile: PlannedProfile,
  sso: SsoSessionSettings,
  settings: Pick<CliProfileSettings, 'output'>,
): WizardAnswer[] {
  return [
    { prompt: 'SSO session name', answer: sso.sessionName },
    { prompt: 'SSO start URL', answer: sso.startUrl },
    { prompt: 'SSO region', answer: sso.ssoRegion },
    { prompt: 'SSO registration scopes', answer: sso.registrationScopes },
    {
      prompt: 'AWS account (pick from the list)',
      answer: `${profile.accountName} (${profile.accountId})`,
    },
    { prompt: 'Role (pick from the list)', answer: profile.roleName },
    { prompt: 'CLI default client Region', answer: profile.region },
    { prompt: 'CLI default output format', answer: settings.output },
    { prompt: 'CLI profile name', answer: profile.profileName },
  ];
}

/**
 * Quotes a value for a POSIX shell: single quotes, with embedded single quotes escaped.
 *
 * @public
 */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9._\-/:=@]+$/.test(value)
    ? value
    : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The first AWS CLI version whose `aws sso login` signs in with the authorization-code flow
 * (PKCE) and a browser redirect to the CLI on `127.0.0.1`. Older versions use the device
 * code by default and do not know `--use-device-code`.
 *
 * @public
 */
export const AUTHORIZATION_CODE_CLI = { major: 2, minor: 22 } as const;

/**
 * When to sign in with a device code, for every place that shows a login command.
 *
 * @public
 */
export const REMOTE_SIGN_IN_ADVICE = `Since AWS CLI ${AUTHORIZATION_CODE_CLI.major}.${AUTHORIZATION_CODE_CLI.minor}, aws sso login signs in with the authorization-code flow (PKCE): the browser sends you back to the CLI on 127.0.0.1. Over SSH, in a container or dev container, in WSL without a browser, or on any host whose browser cannot reach that port, add --use-device-code: the CLI prints a URL and a code to enter on any device. Older CLIs use the device code by default and do not know the flag.`;

/**
 * How the developer signs in: `remote` for a machine whose browser cannot reach the CLI's
 * `127.0.0.1` port (SSH, containers, WSL without a browser, headless hosts).
 *
 * @public
 */
export interface SignInOptions {
  remote?: boolean;
}

const deviceCode = (options: SignInOptions) =>
  options.remote ? ' --use-device-code' : '';

/**
 * The command that signs in once for every profile of the session.
 *
 * @public
 */
export function loginCommand(
  sso: SsoSessionSettings,
  options: SignInOptions = {},
): string {
  return `aws sso login --sso-session ${shellQuote(
    sso.sessionName,
  )}${deviceCode(options)}`;
}

/**
 * The command that starts the `aws configure sso` wizard.
 *
 * @public
 */
export function configureSsoCommand(options: SignInOptions = {}): string {
  return `aws configure sso${deviceCode(options)}`;
}

/**
 * The commands to sign in and check a profile.
 *
 * @public
 */
export function cliCommands(
  profile: PlannedProfile,
  sso: SsoSessionSettings,
  options: SignInOptions = {},
) {
  return {
    login: loginCommand(sso, options),
    useProfile: `export AWS_PROFILE=${shellQuote(profile.profileName)}`,
    verify: `aws sts get-caller-identity --profile ${shellQuote(
      profile.profileName,
    )}`,
  };
}
