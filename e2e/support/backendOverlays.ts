/*
 * Pieces of backend config for BackendInstance.start, one concern each. Every piece is a
 * whole YAML document; the instance reads them as separate config files, later ones
 * winning, so they combine without being pasted into one another.
 */

/** How the backend reaches the fake Identity Center, and how it syncs. */
export interface IdentityCenterOverlayOptions {
  /** The static credentials; instances that must be told apart use different keys. */
  accessKeyId?: string;
  /** `awsAccess.identityCenter.schedule` as YAML flow, e.g. `{ frequency: { hours: 6 }, ... }`. */
  schedule: string;
  maxAttempts?: number;
  /** `awsAccess.identityCenter.events` as YAML flow; events stay off without it. */
  events?: string;
  /** Known instance and identity store, so that the sync skips their discovery. */
  instance?: { instanceArn: string; identityStoreId: string };
}

/** AWS Access on the Identity Center source, all three services answered by `fakeUrl`. */
export function identityCenterOverlay(
  fakeUrl: string,
  options: IdentityCenterOverlayOptions,
) {
  const { accessKeyId = 'AKIAFAKE', maxAttempts, events, instance } = options;
  return [
    'aws:',
    `  mainAccount: { accessKeyId: ${accessKeyId}, secretAccessKey: fake }`,
    'awsAccess:',
    '  source: identityCenter',
    '  identityCenter:',
    `    endpoints: { ssoAdmin: ${fakeUrl}, identityStore: ${fakeUrl}, organizations: ${fakeUrl} }`,
    ...(maxAttempts ? [`    maxAttempts: ${maxAttempts}`] : []),
    ...(instance
      ? [
          `    instanceArn: ${instance.instanceArn}`,
          `    identityStoreId: ${instance.identityStoreId}`,
        ]
      : []),
    `    schedule: ${options.schedule}`,
    ...(events ? [`    events: ${events}`] : []),
    '',
  ].join('\n');
}

/** A permission set that `temporaryAccessOverlay` lets people request. */
export interface TemporaryAccessOverlayRule {
  name: string;
  /** The longest grant; the policy's default (an hour) without it. */
  maxDurationMinutes?: number;
  selfService?: boolean;
}

/**
 * Temporary access on the single organisation of `identityCenterOverlay`: the listed
 * permission sets may be requested; the team behind the granting group approves unless
 * `approvers` names a Group.
 */
export function temporaryAccessOverlay(
  rules: TemporaryAccessOverlayRule[],
  options: { approvers?: string; requireReason?: boolean } = {},
) {
  return [
    'awsAccess:',
    '  temporaryAccess:',
    '    permissionSets:',
    ...rules.map(
      r =>
        `      - { name: ${r.name}${
          r.maxDurationMinutes
            ? `, maxDuration: { minutes: ${r.maxDurationMinutes} }`
            : ''
        }${r.selfService ? ', selfService: true' : ''} }`,
    ),
    `    approvers: ${options.approvers ?? 'team'}`,
    `    requireReason: ${options.requireReason ?? true}`,
    '',
  ].join('\n');
}

/** One Identity Center organisation of `organizationsOverlay`, answered by its own fake. */
export interface OverlayOrganization {
  id: string;
  title: string;
  fakeUrl: string;
}

/**
 * AWS Access with several Identity Center organisations, each on its own fake, sharing the
 * sync and event settings. The example's single-organisation keys are cleared: the plugin
 * refuses them beside `organizations`.
 */
export function organizationsOverlay(
  organizations: OverlayOrganization[],
  options: Omit<IdentityCenterOverlayOptions, 'instance'>,
) {
  const { accessKeyId = 'AKIAFAKE', maxAttempts, events } = options;
  return [
    'aws:',
    `  mainAccount: { accessKeyId: ${accessKeyId}, secretAccessKey: fake }`,
    'awsAccess:',
    '  sso: null',
    '  profiles: null',
    '  source: null',
    '  static: null',
    '  organizations:',
    ...organizations.flatMap(o => [
      `    - id: ${o.id}`,
      `      title: ${o.title}`,
      `      sso: { sessionName: ${o.id}, startUrl: 'https://${o.id}.awsapps.com/start', region: eu-north-1 }`,
      '      source: identityCenter',
      '      identityCenter:',
      `        endpoints: { ssoAdmin: ${o.fakeUrl}, identityStore: ${o.fakeUrl}, organizations: ${o.fakeUrl} }`,
      ...(maxAttempts ? [`        maxAttempts: ${maxAttempts}`] : []),
      `        schedule: ${options.schedule}`,
      ...(events ? [`        events: ${events}`] : []),
    ]),
    '',
  ].join('\n');
}

/** The backend's databases on PostgreSQL, under a prefix of their own. */
export function postgresOverlay(connection: string, prefix: string) {
  return `backend:
  database:
    client: pg
    connection: ${connection}
    prefix: ${prefix}
`;
}

/** The SQS events module's config: the queue's messages to the AWS Access topic. */
export function sqsEventsOverlay(queueUrl: string, sqsUrl: string) {
  return `events:
  modules:
    awsSqs:
      awsSqsConsumingEventPublisher:
        topics:
          awsAccessIdentityCenter:
            queue:
              url: ${queueUrl}
              region: eu-north-1
              endpoint: ${sqsUrl}
              waitTime: { seconds: 1 }
            waitTimeAfterEmptyReceive: { seconds: 1 }
`;
}

/** The backend's databases in memory (the benchmarks' default). */
export const SQLITE_IN_MEMORY_OVERLAY = `backend:
  database: { client: better-sqlite3, connection: ':memory:' }
`;

/** The catalog reads only the entities in `file`. */
export function catalogFileOverlay(file: string) {
  return `catalog:
  locations:
    - type: file
      target: ${file}
`;
}
