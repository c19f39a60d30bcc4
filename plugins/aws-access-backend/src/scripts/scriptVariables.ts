import {
  AUTHORIZATION_CODE_CLI,
  AwsConfigVariant,
  AwsOrganizationSettings,
  PlannedProfile,
  loginCommand,
  profileNameProblem,
  profilesByOrganization,
  shellQuote,
  ssoSessionNameProblem,
} from '@aws-access/backstage-plugin-aws-access-common';

/** What the generated shell scripts check for and write. */
export interface ScriptSubjectInput {
  /** Who the profiles are for, e.g. `group:default/platform`; shown in the header. */
  subject: string;
  /**
   * The organisations whose sessions the script covers, in this order: normally those the
   * subject has profiles in. An organisation without profiles still gets its session
   * checked, and the setup script empties its managed block.
   */
  organizations: AwsOrganizationSettings[];
  /** The profiles, each of one of `organizations`. */
  profiles: PlannedProfile[];
  /** `legacy` profiles carry the start URL themselves; default `sso-session`. */
  variant?: AwsConfigVariant;
  /** Sign in with a device code even where the script cannot tell it is remote. */
  remote?: boolean;
}

/** One session a script covers: its organisation and profiles. */
export interface ScriptSession {
  organization: AwsOrganizationSettings;
  profiles: PlannedProfile[];
}

/**
 * The sessions of a script, in organisation order. Throws a `TypeError` naming the value
 * for a session or profile name that is not safe in the config file, a marker or a shell
 * word, and where
 * `profilesByOrganization` does (a profile of another organisation, a profile name twice,
 * one session name for two organisations).
 */
export function scriptSessions(input: ScriptSubjectInput): ScriptSession[] {
  const sessions = profilesByOrganization(input.profiles, input.organizations);
  const refuse = (what: string, name: string, problem: string | undefined) => {
    if (problem) {
      throw new TypeError(
        `${what} ${JSON.stringify(
          name,
        )} cannot be used in a script: it ${problem}`,
      );
    }
  };
  for (const { organization, profiles } of sessions) {
    const { sessionName } = organization.sso;
    refuse('SSO session name', sessionName, ssoSessionNameProblem(sessionName));
    for (const { profileName } of profiles) {
      refuse('Profile name', profileName, profileNameProblem(profileName));
    }
  }
  return sessions;
}

/** Makes any text safe for one `#` comment line. */
export function commentText(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

/** The variables of one session, as `use_session` sets them. */
function sessionVariables({ organization, profiles }: ScriptSession): string[] {
  const { sso } = organization;
  const expected = profiles
    .map(p => `${p.profileName}|${p.accountId}|${p.roleName}`)
    .join(' ');
  return [
    `SESSION=${shellQuote(sso.sessionName)}`,
    `START_URL=${shellQuote(sso.startUrl)}`,
    `SSO_REGION=${shellQuote(sso.ssoRegion)}`,
    `EXPECTED=${shellQuote(expected)}`,
    `EXPECTED_NAMES=${shellQuote(profiles.map(p => p.profileName).join(' '))}`,
    `FIRST_PROFILE=${shellQuote(profiles[0]?.profileName ?? '')}`,
    `FIRST_ACCOUNT=${shellQuote(profiles[0]?.accountId ?? '')}`,
    `LOGIN_COMMAND=${shellQuote(loginCommand(sso))}`,
    `DEVICE_CODE_LOGIN_COMMAND=${shellQuote(
      loginCommand(sso, { remote: true }),
    )}`,
  ];
}

/**
 * The data part of a script: shell variables, every value quoted, and `use_session N`,
 * which sets the variables of session N (1 to `SESSION_COUNT`, in organisation order).
 * The functions in `scripts/verify-checks.sh` read only these, so the same functions serve
 * the verify and the setup script.
 */
export function scriptVariables(
  input: ScriptSubjectInput,
  sessions: ScriptSession[] = scriptSessions(input),
): string[] {
  const cases = sessions.flatMap((session, i) => [
    `    ${i + 1})`,
    ...sessionVariables(session).map(line => `      ${line}`),
    '      ;;',
  ]);
  return [
    `VARIANT=${shellQuote(input.variant ?? 'sso-session')}`,
    `REMOTE=${input.remote ? 1 : 0}`,
    `AUTHORIZATION_CODE_CLI='${AUTHORIZATION_CODE_CLI.major} ${AUTHORIZATION_CODE_CLI.minor}'`,
    `SESSION_COUNT=${sessions.length}`,
    '',
    "# Sets the variables of one organisation's session: 1 to SESSION_COUNT.",
    'use_session() {',
    ...(cases.length > 0 ? ['  case $1 in', ...cases, '  esac'] : ['  :']),
    '}',
  ];
}
