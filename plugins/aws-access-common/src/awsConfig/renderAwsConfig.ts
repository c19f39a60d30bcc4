import { AwsOrganizationSettings, SsoSessionSettings } from '../types';
import { PlannedProfile } from './profileNames';
import { profileNameProblem, ssoSessionNameProblem } from './sectionNames';

/**
 * Refuses values that would break out of their line in an INI file. Upstream validation
 * should already have rejected them; this guards the file format itself.
 */
function iniValue(key: string, value: string): string {
  if (/[\r\n\u2028\u2029]/.test(value) || value.trim() !== value) {
    throw new TypeError(
      `Value of '${key}' cannot be written to an AWS config file: ${JSON.stringify(
        value,
      )}`,
    );
  }
  return `${key} = ${value}`;
}

function checkedName(
  what: string,
  name: string,
  problem: (name: string) => string | undefined,
): string {
  const reason = problem(name);
  if (reason) {
    throw new TypeError(
      `${what} ${JSON.stringify(
        name,
      )} cannot be written to an AWS config file: it ${reason}`,
    );
  }
  return name;
}

const sessionName = (sso: SsoSessionSettings) =>
  checkedName('SSO session name', sso.sessionName, ssoSessionNameProblem);

function section(header: string, lines: string[]): string {
  return [`[${header}]`, ...lines].join('\n');
}

/**
 * Renders the `[sso-session NAME]` section. Throws a `TypeError` naming the session name
 * when it is not safe to write (see {@link ssoSessionNameProblem}).
 *
 * @public
 */
export function renderSsoSessionBlock(sso: SsoSessionSettings): string {
  return section(`sso-session ${sessionName(sso)}`, [
    iniValue('sso_start_url', sso.startUrl),
    iniValue('sso_region', sso.ssoRegion),
    iniValue('sso_registration_scopes', sso.registrationScopes),
  ]);
}

/**
 * `sso-session`: profiles refer to a shared `[sso-session]` section (AWS CLI 2.9 and newer;
 * tokens refresh automatically). `legacy`: every profile carries the start URL and region
 * itself, for CLIs older than 2.9.
 *
 * @public
 */
export type AwsConfigVariant = 'sso-session' | 'legacy';

/**
 * Renders one `[profile NAME]` section, signing in through its organisation's session.
 * Throws a `TypeError` naming the value when the profile name or the session name is not
 * safe to write (see {@link profileNameProblem}), or when the profile belongs to another
 * organisation.
 *
 * @public
 */
export function renderProfileBlock(
  profile: PlannedProfile,
  organization: AwsOrganizationSettings,
  variant: AwsConfigVariant = 'sso-session',
): string {
  if (profile.organization !== organization.id) {
    throw new TypeError(
      `Profile '${profile.profileName}' belongs to organisation '${profile.organization}', not '${organization.id}'`,
    );
  }
  const { sso } = organization;
  const signIn =
    variant === 'legacy'
      ? [
          iniValue('sso_start_url', sso.startUrl),
          iniValue('sso_region', sso.ssoRegion),
        ]
      : [iniValue('sso_session', sessionName(sso))];
  const name = checkedName(
    'Profile name',
    profile.profileName,
    profileNameProblem,
  );
  return section(`profile ${name}`, [
    ...signIn,
    iniValue('sso_account_id', profile.accountId),
    iniValue('sso_role_name', profile.roleName),
    iniValue('region', profile.region),
    iniValue('output', organization.profiles.output),
  ]);
}

/**
 * Every organisation given, once, in that order, with its profiles in their order (none for
 * some). Throws a `TypeError` for a profile of an organisation not given, for a profile
 * name given twice and for two organisations with one session name.
 *
 * @public
 */
export function profilesByOrganization(
  profiles: PlannedProfile[],
  organizations: AwsOrganizationSettings[],
): Array<{
  organization: AwsOrganizationSettings;
  profiles: PlannedProfile[];
}> {
  const unique = organizations.filter(
    (o, i) => organizations.findIndex(x => x.id === o.id) === i,
  );
  const sessions = new Set<string>();
  for (const { sso } of unique) {
    if (sessions.has(sso.sessionName)) {
      throw new TypeError(
        `SSO session name '${sso.sessionName}' is used by two organisations`,
      );
    }
    sessions.add(sso.sessionName);
  }
  const known = new Set(unique.map(o => o.id));
  const names = new Set<string>();
  for (const p of profiles) {
    if (!known.has(p.organization)) {
      throw new TypeError(
        `Profile '${p.profileName}' belongs to organisation '${p.organization}', which is not among the organisations given`,
      );
    }
    if (names.has(p.profileName)) {
      throw new TypeError(`Profile name '${p.profileName}' is given twice`);
    }
    names.add(p.profileName);
  }
  return unique.map(organization => ({
    organization,
    profiles: profiles.filter(p => p.organization === organization.id),
  }));
}

/**
 * Renders a complete `~/.aws/config` fragment: for each organisation that has profiles, in
 * the order of `organizations`, its session (not for `legacy`) and then its profiles,
 * separated by blank lines and ending with a newline; nothing for no profiles. Throws a
 * `TypeError` where {@link profilesByOrganization}, {@link renderSsoSessionBlock} or
 * {@link renderProfileBlock} does.
 *
 * @public
 */
export function renderAwsConfig(
  profiles: PlannedProfile[],
  organizations: AwsOrganizationSettings[],
  variant: AwsConfigVariant = 'sso-session',
): string {
  const blocks = profilesByOrganization(profiles, organizations)
    .filter(group => group.profiles.length > 0)
    .flatMap(group => [
      ...(variant === 'legacy'
        ? []
        : [renderSsoSessionBlock(group.organization.sso)]),
      ...group.profiles.map(p =>
        renderProfileBlock(p, group.organization, variant),
      ),
    ]);
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}
