import { SsoSessionSettings, CliProfileSettings } from '../types';
import { PlannedProfile } from './profileNames';

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

function section(header: string, lines: string[]): string {
  return [`[${header}]`, ...lines].join('\n');
}

/**
 * Renders the `[sso-session NAME]` section.
 *
 * @public
 */
export function renderSsoSessionBlock(sso: SsoSessionSettings): string {
  return section(`sso-session ${sso.sessionName}`, [
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
 * Renders one `[profile NAME]` section.
 *
 * @public
 */
export function renderProfileBlock(
  profile: PlannedProfile,
  sso: SsoSessionSettings,
  settings: Pick<CliProfileSettings, 'output'>,
  variant: AwsConfigVariant = 'sso-session',
): string {
  const signIn =
    variant === 'legacy'
      ? [
          iniValue('sso_start_url', sso.startUrl),
          iniValue('sso_region', sso.ssoRegion),
        ]
      : [iniValue('sso_session', sso.sessionName)];
  return section(`profile ${profile.profileName}`, [
    ...signIn,
    iniValue('sso_account_id', profile.accountId),
    iniValue('sso_role_name', profile.roleName),
    iniValue('region', profile.region),
    iniValue('output', settings.output),
  ]);
}

/**
 * Renders a complete `~/.aws/config` fragment: the session once (not for `legacy`), then
 * every profile, separated by blank lines and ending with a newline.
 *
 * @public
 */
export function renderAwsConfig(
  profiles: PlannedProfile[],
  sso: SsoSessionSettings,
  settings: Pick<CliProfileSettings, 'output'>,
  variant: AwsConfigVariant = 'sso-session',
): string {
  const blocks = [
    ...(variant === 'legacy' ? [] : [renderSsoSessionBlock(sso)]),
    ...profiles.map(p => renderProfileBlock(p, sso, settings, variant)),
  ];
  return `${blocks.join('\n\n')}\n`;
}
