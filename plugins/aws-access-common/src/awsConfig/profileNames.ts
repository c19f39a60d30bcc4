import { AwsAccountAccess, AwsOrganizationSettings } from '../types';
import { isReservedProfileName } from './sectionNames';

/**
 * One `[profile]` section to write: which account and role, in which organisation, under
 * which name.
 *
 * @public
 */
export interface PlannedProfile {
  /** The id of the organisation whose `[sso-session]` the profile signs in with. */
  organization: string;
  profileName: string;
  accountId: string;
  accountName: string;
  roleName: string;
  region: string;
}

/**
 * The placeholders of a profile name template (`profiles.nameTemplate`), without braces.
 *
 * @public
 */
export const PROFILE_NAME_PLACEHOLDERS = [
  'accountName',
  'accountId',
  'roleName',
  'region',
  'environment',
  'org',
] as const;

const PLACEHOLDER = new RegExp(
  `\\{(${PROFILE_NAME_PLACEHOLDERS.join('|')})\\}`,
  'g',
);

/**
 * Reduces a name to the characters that are safe in an INI section header and a shell word:
 * letters, digits, `.`, `_` and `-`. Everything else becomes `-`, runs collapse, and
 * leading or trailing separators go, so `"Prod (EU)"` becomes `Prod-EU`. The result never
 * contains `--`, which {@link planProfiles} keeps for the parts that tell names apart.
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

/** FNV-1a (32 bits) of the text's UTF-8 bytes, as 8 hex digits: short and stable. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

interface Candidate {
  profile: Omit<PlannedProfile, 'profileName'>;
  base: string;
  stage: number;
}

/**
 * The names a candidate can have, each telling it apart from more others than the one
 * before: the cleaned template, then with the account id, then also the organisation id,
 * then also a hash of the exact role name (roles whose names differ only in case or in
 * characters the clean-up drops).
 */
const STAGES: Array<(c: Candidate) => string> = [
  c => c.base,
  c => `${c.base}--${sanitizeProfileName(c.profile.accountId)}`,
  c => `${STAGES[1](c)}--${sanitizeProfileName(c.profile.organization)}`,
  c => `${STAGES[2](c)}--${shortHash(c.profile.roleName)}`,
];

const nameOf = (c: Candidate) => STAGES[c.stage](c);

/**
 * Moves every candidate whose name is reserved or shared (ignoring case) to its next
 * name, until every name is free and unique. All members of a shared name move together,
 * so the outcome depends on the set of candidates, never on their order.
 */
function assignNames(candidates: Candidate[]): void {
  for (;;) {
    const byName = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const key = nameOf(c).toLowerCase();
      byName.set(key, [...(byName.get(key) ?? []), c]);
    }
    let moved = false;
    for (const [name, group] of byName) {
      if (group.length < 2 && !isReservedProfileName(name)) continue;
      const movable = group.filter(c => c.stage < STAGES.length - 1);
      if (movable.length === 0) {
        throw new Error(`Cannot give profile '${name}' a unique name`);
      }
      movable.forEach(c => c.stage++);
      moved = true;
    }
    if (!moved) return;
  }
}

/**
 * Decides the profile names for a set of accounts and roles, each with its own
 * organisation's template and default region. The names depend only on the set of
 * accounts and roles, never on their order, so every member of a team gets the same names.
 *
 * A name is the template filled in and cleaned up ({@link sanitizeProfileName}). Names
 * that are the same ignoring case all get a distinguishing part, none keeps the plain
 * name: `--` and the account id, then, while still shared, `--` and the organisation id,
 * then `--` and a hash of the role name. A name the AWS CLI treats specially
 * (`default`, …) gets the same parts even alone. Cleaned names never contain `--`, so a
 * distinguished name is never any account's plain name.
 *
 * Profiles come out in the order of the input; a repeated account and role comes once.
 * Throws a `TypeError` for an account of an organisation not in `organizations`.
 *
 * @public
 */
export function planProfiles(
  accounts: AwsAccountAccess[],
  organizations: AwsOrganizationSettings[],
): PlannedProfile[] {
  const byId = new Map(organizations.map(o => [o.id, o]));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const account of accounts) {
    const organization = byId.get(account.organization);
    if (!organization) {
      throw new TypeError(
        `Account '${account.id}' belongs to organisation '${account.organization}', which is not among the organisations given`,
      );
    }
    const settings = organization.profiles;
    for (const role of account.roles) {
      const identity = JSON.stringify([
        account.organization,
        account.id,
        role.name,
      ]);
      if (seen.has(identity)) continue;
      seen.add(identity);
      const region = account.region ?? settings.defaultRegion;
      const values: Record<string, string> = {
        accountName: account.name,
        accountId: account.id,
        roleName: role.name,
        region,
        environment: account.environment ?? '',
        org: organization.id,
      };
      candidates.push({
        profile: {
          organization: organization.id,
          accountId: account.id,
          accountName: account.name,
          roleName: role.name,
          region,
        },
        base: sanitizeProfileName(
          settings.profileNameTemplate.replace(
            PLACEHOLDER,
            (_, key: string) => values[key],
          ),
        ),
        stage: 0,
      });
    }
  }
  assignNames(candidates);
  return candidates.map(c => ({
    organization: c.profile.organization,
    profileName: nameOf(c),
    accountId: c.profile.accountId,
    accountName: c.profile.accountName,
    roleName: c.profile.roleName,
    region: c.profile.region,
  }));
}
