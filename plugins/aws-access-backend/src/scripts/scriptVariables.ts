import {
  AUTHORIZATION_CODE_CLI,
  AwsConfigVariant,
  PlannedProfile,
  SsoSessionSettings,
  loginCommand,
  shellQuote,
} from '@aws-access/backstage-plugin-aws-access-common';

/** What the generated shell scripts check for and write. */
export interface ScriptSubjectInput {
  /** Who the profiles are for, e.g. `group:default/platform`; shown in the header. */
  subject: string;
  sso: SsoSessionSettings;
  profiles: PlannedProfile[];
  /** `legacy` profiles carry the start URL themselves; default `sso-session`. */
  variant?: AwsConfigVariant;
  /** Sign in with a device code even where the script cannot tell it is remote. */
  remote?: boolean;
}

/** Makes any text safe for one `#` comment line. */
export function commentText(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

/**
 * The data part of a script: shell variables, every value quoted. The functions in
 * `scripts/verify-checks.sh` read only these, so the same functions serve the verify and
 * the setup script.
 */
export function scriptVariables(input: ScriptSubjectInput): string[] {
  const { sso, profiles } = input;
  const expected = profiles
    .map(p => `${p.profileName}|${p.accountId}|${p.roleName}`)
    .join(' ');
  return [
    `SESSION=${shellQuote(sso.sessionName)}`,
    `START_URL=${shellQuote(sso.startUrl)}`,
    `SSO_REGION=${shellQuote(sso.ssoRegion)}`,
    `VARIANT=${shellQuote(input.variant ?? 'sso-session')}`,
    `EXPECTED=${shellQuote(expected)}`,
    `EXPECTED_NAMES=${shellQuote(profiles.map(p => p.profileName).join(' '))}`,
    `FIRST_PROFILE=${shellQuote(profiles[0]?.profileName ?? '')}`,
    `FIRST_ACCOUNT=${shellQuote(profiles[0]?.accountId ?? '')}`,
    `REMOTE=${input.remote ? 1 : 0}`,
    `LOGIN_COMMAND=${shellQuote(loginCommand(sso))}`,
    `DEVICE_CODE_LOGIN_COMMAND=${shellQuote(
      loginCommand(sso, { remote: true }),
    )}`,
    `AUTHORIZATION_CODE_CLI='${AUTHORIZATION_CODE_CLI.major} ${AUTHORIZATION_CODE_CLI.minor}'`,
  ];
}
