import { AwsAccountAccess, CliProfileSettings } from '../types';

/**
 * One `[profile]` section to write: which account and role, under which name.
 *
 * @public
 */
export interface PlannedProfile {
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  region: string;
}

const PLACEHOLDER = /\{(accountName|accountId|roleName|region|environment)\}/g;

/**
 * Reduces a name to the characters that are safe in an INI section header and a shell word:
 * letters, digits, `.`, `_` and `-`. Everything else becomes `-`, runs collapse, and
 * leading or trailing separators go, so `"Prod (EU)"` becomes `Prod-EU`.
 *
 * @public
 */
export function sanitizeProfileName(raw: string): string {
  const ascii = raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const cleaned = ascii
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return cleaned || 'profile';
}

/**
 * Decides the profile names for a set of accounts and roles. The result only depends on
 * the input, so every member of a team gets the same names; names that collide after
 * sanitising get `-2`, `-3`, ... in input order.
 *
 * @public
 */
export function planProfiles(
  accounts: AwsAccountAccess[],
  settings: CliProfileSettings,
): PlannedProfile[] {
  const taken = new Set<string>();
  const planned: PlannedProfile[] = [];
  for (const account of accounts) {
    for (const role of account.roles) {
      const region = account.region ?? settings.defaultRegion;
      const values: Record<string, string> = {
        accountName: account.name,
        accountId: account.id,
        roleName: role.name,
        region,
        environment: account.environment ?? '',
      };
      const base = sanitizeProfileName(
        settings.profileNameTemplate.replace(
          PLACEHOLDER,
          (_, key: string) => values[key],
        ),
      );
      let profileName = base;
      for (let n = 2; taken.has(profileName.toLowerCase()); n++) {
        profileName = `${base}-${n}`;
      }
      taken.add(profileName.toLowerCase());
      planned.push({
        profileName,
        accountId: account.id,
        accountName: account.name,
        roleName: role.name,
        region,
      });
    }
  }
  return planned;
}
