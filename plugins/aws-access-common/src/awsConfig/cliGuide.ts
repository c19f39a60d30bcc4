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
 * The commands to sign in and check a profile.
 *
 * @public
 */
export function cliCommands(profile: PlannedProfile, sso: SsoSessionSettings) {
  return {
    login: `aws sso login --sso-session ${shellQuote(sso.sessionName)}`,
    useProfile: `export AWS_PROFILE=${shellQuote(profile.profileName)}`,
    verify: `aws sts get-caller-identity --profile ${shellQuote(
      profile.profileName,
    )}`,
  };
}
