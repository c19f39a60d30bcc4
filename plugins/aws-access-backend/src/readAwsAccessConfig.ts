import {
  AwsOrganizationSettings,
  DEFAULT_ORGANIZATION_ID,
} from '@aws-access/backstage-plugin-aws-access-common';
import { Config } from '@backstage/config';
import { z } from 'zod';
import {
  AwsAccessConfigError,
  keyOf,
  parseConfig,
} from './config/AwsAccessConfigError';
import {
  OrganizationToCheck,
  checkOrganizations,
} from './config/checkOrganizations';
import { organizationId, text } from './config/fields';
import {
  organizationSettings,
  organizationSettingsShape,
} from './config/readOrganizationSettings';
import {
  SharedSettings,
  readSharedSettings,
} from './config/readSharedSettings';
import {
  IdentityCenterConfig,
  readIdentityCenterConfig,
} from './identityCenter/config';
import {
  StaticOrganizationConfig,
  readStaticOrganizationConfig,
} from './staticOrganization/config';
import { readTemporaryAccessPolicy } from './temporaryAccess/policy';

/** Where one organisation's accounts, permission sets and assignments come from. */
export type OrganizationSource =
  | { type: 'static'; organization: StaticOrganizationConfig }
  | ({ type: 'identityCenter' } & IdentityCenterConfig);

/** One organisation after validation. */
export interface OrganizationConfig {
  /**
   * What clients get: id, title, SSO session and profile defaults, and the
   * temporary-access policy when it is on.
   */
  settings: AwsOrganizationSettings;
  source: OrganizationSource;
}

/** The plugin's configuration after validation. */
export interface AwsAccessConfig extends SharedSettings {
  /** Every organisation, in configuration order; at least one, ids unique. */
  organizations: OrganizationConfig[];
}

/** The keys of the single-organisation form, which `organizations` replaces. */
const SINGLE_ORGANIZATION_KEYS = [
  'sso',
  'profiles',
  'source',
  'identityCenter',
  'static',
  'temporaryAccess',
];

const source = z
  .enum(['static', 'identityCenter'], {
    errorMap: () => ({ message: "must be 'static' or 'identityCenter'" }),
  })
  .default('static');

const singleOrganization = z.object({ ...organizationSettingsShape, source });

const listedOrganization = z.object(
  {
    id: organizationId,
    title: text('a title')
      .max(100, 'must be at most 100 characters')
      .optional(),
    ...organizationSettingsShape,
    source,
  },
  {
    invalid_type_error:
      'must be an organisation: an object with an id, an sso block and a source',
  },
);

const organizationList = z
  .array(z.unknown(), {
    invalid_type_error: 'must be a list of organisations',
  })
  .min(1, 'must list at least one organisation');

/**
 * Reads and validates the `awsAccess` block: the organisations, each with its settings and
 * source read by the reader beside what it configures, and the settings they share.
 * `awsAccess.organizations` lists the organisations; without it the single-organisation
 * keys (`sso`, `profiles`, `source`, `identityCenter`, `static`, `temporaryAccess` directly
 * under `awsAccess`) describe one organisation with the id `default`, titled by its session name. Throws
 * {@link AwsAccessConfigError} naming the first offending key, so a wrong value stops the
 * backend with a readable message.
 */
export function readAwsAccessConfig(config: Config): AwsAccessConfig {
  const block = config.getOptionalConfig('awsAccess');
  if (!block) {
    throw new AwsAccessConfigError(
      'awsAccess',
      'is required (see the plugin README)',
    );
  }
  const shared = readSharedSettings(block.get());
  const organizations = block.has('organizations')
    ? readOrganizationList(block)
    : [readSingleOrganization(block)];
  checkOrganizations(organizations.map(o => o.check));
  return { ...shared, organizations: organizations.map(o => o.config) };
}

interface ReadOrganization {
  config: OrganizationConfig;
  check: OrganizationToCheck;
}

function readSingleOrganization(block: Config): ReadOrganization {
  const raw = parseConfig(singleOrganization, block.get());
  const settings = organizationSettings(
    raw,
    {
      id: DEFAULT_ORGANIZATION_ID,
      title: raw.sso.sessionName,
      organizationCount: 1,
    },
    [],
  );
  return readSource(block, [], settings, raw.source);
}

function readOrganizationList(block: Config): ReadOrganization[] {
  const mixed = SINGLE_ORGANIZATION_KEYS.filter(key => block.has(key));
  if (mixed.length > 0) {
    throw new AwsAccessConfigError(
      keyOf(['organizations']),
      `cannot be combined with ${mixed
        .map(key => `'${keyOf([key])}'`)
        .join(
          ', ',
        )}: those keys describe the one organisation of the single-organisation form; move them into an entry of the list`,
    );
  }
  const list = parseConfig(organizationList, block.get('organizations'), [
    'organizations',
  ]);
  const entries = list.map((value, i) =>
    parseConfig(listedOrganization, value, ['organizations', i]),
  );
  const configs = block.getConfigArray('organizations');
  return entries.map((raw, i) => {
    const path = ['organizations', i];
    const settings = organizationSettings(
      raw,
      {
        id: raw.id,
        title: raw.title ?? raw.id,
        organizationCount: entries.length,
      },
      path,
    );
    return readSource(configs[i], path, settings, raw.source);
  });
}

function readSource(
  organization: Config,
  path: (string | number)[],
  baseSettings: AwsOrganizationSettings,
  type: z.infer<typeof source>,
): ReadOrganization {
  const settings = withTemporaryAccess(organization, path, baseSettings, type);
  if (type === 'static') {
    return {
      config: {
        settings,
        source: {
          type,
          organization: readStaticOrganizationConfig(
            organization.getOptional('static'),
            path,
          ),
        },
      },
      check: { path, settings },
    };
  }
  const ic = readIdentityCenterConfig(
    organization,
    path,
    settings.sso.ssoRegion,
  );
  return {
    config: { settings, source: { type, ...ic } },
    check: {
      path,
      settings,
      identityCenter: {
        instanceArn: ic.settings.instanceArn,
        identityStoreId: ic.settings.identityStoreId,
        accountId: ic.settings.accountId,
        region: ic.settings.region,
        ssoAdminEndpoint: ic.settings.endpoints.ssoAdmin,
      },
    },
  };
}

/**
 * The settings with the organisation's temporary-access policy, when it has one: grants
 * are written to Identity Center, so a static organisation cannot have one.
 */
function withTemporaryAccess(
  organization: Config,
  path: (string | number)[],
  settings: AwsOrganizationSettings,
  type: z.infer<typeof source>,
): AwsOrganizationSettings {
  if (type === 'static' && organization.has('temporaryAccess')) {
    throw new AwsAccessConfigError(
      keyOf([...path, 'temporaryAccess']),
      `needs '${keyOf([
        ...path,
        'source',
      ])}' to be 'identityCenter': grants are written to an Identity Center instance, and an organisation described in config ('static', the default source) has none`,
    );
  }
  const temporaryAccess = readTemporaryAccessPolicy(organization.get(), path);
  return temporaryAccess ? { ...settings, temporaryAccess } : settings;
}

/** One events-system topic and the organisations whose changes arrive on it. */
export interface EventTopic {
  topic: string;
  /** Ids of the organisations with events on this topic, in configuration order. */
  organizations: string[];
}

/**
 * The distinct events topics to subscribe to, in configuration order, each with the
 * organisations that listen on it; several organisations may share one queue and topic.
 * Empty when no organisation has events switched on.
 */
export function eventTopics(config: AwsAccessConfig): EventTopic[] {
  const byTopic = new Map<string, string[]>();
  for (const { settings, source: s } of config.organizations) {
    if (s.type === 'identityCenter' && s.events) {
      const ids = byTopic.get(s.events.topic) ?? [];
      byTopic.set(s.events.topic, [...ids, settings.id]);
    }
  }
  return [...byTopic].map(([topic, organizations]) => ({
    topic,
    organizations,
  }));
}
