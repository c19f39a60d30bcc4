import {
  TranslationFunction,
  createTranslationRef,
} from '@backstage/core-plugin-api/alpha';

/**
 * The English messages, nested by view. Exported within the package for the test that
 * checks no English is left in another language.
 */
export const awsAccessMessages = {
  page: {
    title: 'AWS Access',
    subtitle: "Your teams' AWS accounts and roles, ready for the AWS CLI",
    myAccessTitle: 'My AWS access',
    teamAccessTitle: 'AWS accounts of {{team}}',
    chooseTeamTitle: 'Choose a team',
    chooseTeamDescription:
      'Pick a team on the left to see its AWS accounts, roles and ~/.aws/config profiles.',
    tabsLabel: 'AWS Access views',
    accountsTab: 'Accounts',
    requestsTab: 'Requests',
  },
  teamPicker: {
    title: 'Teams',
    ownAccessLabel: 'Your access',
    myAccess: 'My access',
    myAccessDescription: 'Every account and role you hold',
    search: 'Search teams',
    loadError: 'Could not load teams',
    noGroups: 'The catalog has no Groups yet.',
    teamsLabel: 'Teams',
    ownTeam: 'Your team · {{ref}}',
  },
  accountSearch: {
    label: 'Find an AWS account',
    placeholder: 'Account id, ARN, account name or role',
    error: 'Could not look up accounts',
    noMatch: 'No account matches "{{query}}".',
    resultsLabel: 'Matching accounts',
    matchedRoles: 'roles: {{roles}}',
    more: '{{count}} more; type more of the name or the id',
  },
  accountLookup: {
    notFoundTitle: 'No account {{accountId}} in IAM Identity Center',
    notFoundDescription: "Check the id, or search by the account's name above.",
    error: 'Could not look up the account',
    whoHoldsRoles: 'Who holds roles here',
    nobodyHoldsRoles:
      'Nobody holds a role in this account through IAM Identity Center.',
    directAssignment: 'Assigned to people directly',
    teamColumn: 'Team',
    rolesColumn: 'Roles',
    youHoldNone: 'You hold no role in this account.',
    youHold_one:
      'You hold {{held, number}} of the {{count}} role in this account.',
    youHold_other:
      'You hold {{held, number}} of the {{count}} roles in this account.',
    titleInOrganization: '{{accountName}} ({{accountId}}) in {{organization}}',
    chooseOrganizationTitle:
      'Account {{accountId}} is in several organisations: choose one',
    chooseOrganizationLabel: 'Organisations with this account',
  },
  accountGrants: {
    error: 'Could not load who has access',
    emptyTitle: 'No group holds a role in account {{accountId}}',
    emptyDescription:
      'IAM Identity Center has no group assignments for this account.',
    title: 'Who has access to {{accountName}}',
    tableLabel: 'Access to account {{accountId}}',
    sessionColumn: 'Session',
  },
  account: {
    subheader: 'Account {{accountId}}',
    region: 'Account {{accountName}} ({{accountId}})',
    regionInOrganization:
      'Account {{accountName}} ({{accountId}}) in {{organization}}',
    groupColumn: 'IAM Identity Center group',
    roleColumn: 'Role',
    openConsole: 'Open console',
  },
  entity: {
    loadError: 'Could not load AWS access',
    cardTitle: 'AWS accounts',
    cardNoAccounts: 'No AWS accounts found for this entity.',
    cardAccountInOrganization:
      '{{accountName}} ({{accountId}}) in {{organization}}',
    noAccountsTitle: "No AWS accounts found for '{{entityRef}}'",
    noAccountsUser:
      'You get AWS access through your teams: ask to join a team (Group) that has an IAM Identity Center group, or check that your User entity lists it under spec.memberOf.',
    noAccountsGroup:
      "Name the IAM Identity Center group this team uses with the '{{annotation}}' annotation, or give the group the same name as the team.",
    noAccountsOther:
      "Access comes from the owning team's IAM Identity Center group. Set spec.owner to a Group that has AWS access.",
    yourTeamPlaceholder: 'your team',
    groupNamePlaceholder: 'group display name or id',
    owningTeamPlaceholder: 'team with AWS access',
    annotationWarnings: "Check this entity's annotations",
  },
  notAllowed: {
    title: 'You may not see AWS access here',
    description:
      '{{reason}}. Ask your Backstage administrators if you need it.',
  },
  syncStatus: {
    title: 'AWS access data may be out of date',
    lastSyncFailed: 'The last sync did not succeed.',
    dataAsOf: 'Data as of {{date, datetime}}.',
    neverSynced: 'No data has been synced yet.',
    organization: '{{organization}}: {{message}}',
  },
  filter: {
    text: 'Filter accounts',
    textPlaceholder: 'Name or id',
    role: 'Role',
    allRoles: 'All roles',
    environment: 'Environment',
    allEnvironments: 'All environments',
    organization: 'Organisation',
    allOrganizations: 'All organisations',
    noMatch: 'No account matches the filter.',
    showMore_one: 'Show {{shown, number}} more of {{count}} account',
    showMore_other: 'Show {{shown, number}} more of {{count}} accounts',
  },
  toolbar: {
    defaultRegion: 'Default region',
    organizationDefaultRegion: "Each organisation's own default",
    regionAcrossOrganizations:
      'Used by every organisation that offers it; the others keep their own default.',
    legacyCli: 'My AWS CLI is older than 2.9',
    remote: 'I work on a remote machine (SSH, container, WSL)',
    copyAll: 'Copy all',
    copiedAll: 'Copied every profile to the clipboard',
    downloadConfig: 'Download config',
    downloadVerifyScript: 'Download verify script',
  },
  setup: {
    button: 'Set up this machine',
    title: 'Set up this machine',
    run: 'Run the downloaded script in the folder it was saved to, on the machine where you use the AWS CLI:',
    whatItDoes:
      'It writes the SSO session and every profile into ~/.aws/config (or AWS_CONFIG_FILE) between two marker comments and leaves the rest of the file as it is. Run it again whenever your access changes: it replaces the block, removes profiles you no longer have, keeps a backup and ends with the verify checks.',
    whatItDoesSeveral:
      "It writes each organisation's SSO session and profiles into ~/.aws/config (or AWS_CONFIG_FILE), one block between two marker comments per session, and leaves the rest of the file as it is. Run it again whenever your access changes: it replaces each block, removes profiles you no longer have, keeps a backup and ends with the verify checks. Sign in once per session.",
    flags:
      '{{dryRun}} shows the change without writing; {{replaceMine}} lets the block take over your own sections that have the same names; {{noVerify}} skips the checks.',
    close: 'Close',
  },
  ssoSession: {
    label: 'SSO session {{session}}',
    title: 'SSO session "{{session}}"',
    subheader:
      'Add this once to ~/.aws/config; every profile below refers to it.',
    subheaderOrganization:
      'For {{organization}}: add this once to ~/.aws/config; every profile of {{organization}} below refers to it.',
  },
  role: {
    consoleLabel: 'Open console in {{accountName}} as {{role}}',
    sessionLasts: 'Session lasts {{duration}}',
    grantedVia: 'Granted via {{groups}}',
    cliSteps: 'CLI steps for {{profile}}',
    hours_one: '{{count}} hour',
    hours_other: '{{count}} hours',
    minutes_one: '{{count}} minute',
    minutes_other: '{{count}} minutes',
  },
  accessGap: {
    held: 'You have this role',
    direct:
      'You do not have this role; it is assigned to people directly. Ask your AWS administrators{{request}}.',
    ask: 'You do not have this role. Ask {{teams}}.',
    askTeam: '{{team}} to add you to "{{group}}"{{request}}',
    or: 'or',
    owners: 'the owners',
    request: 'request access',
    requestLabel: 'Request access: {{role}} in {{accountName}}',
    requestThroughLabel:
      'Request access: {{role}} in {{accountName}} through {{group}}',
  },
  askTeam: {
    ask: 'Ask {{team}}',
    asking: 'Asking {{team}}…',
    label: 'Ask {{team}} for {{role}} in {{accountName}}',
    sent: 'Request sent to {{team}}.',
    failed: 'Could not ask {{team}}: {{reason}}',
  },
  temporaryAccess: {
    request: 'Request temporary access',
    requestLabel: 'Request temporary access: {{role}} in {{accountName}}',
    title: 'Request temporary access',
    subject: '{{role}} in {{accountName}} ({{accountId}})',
    subjectInOrganization:
      '{{role}} in {{accountName}} ({{accountId}}) in {{organization}}',
    duration: 'Duration',
    durationHelp: 'At most {{max}}',
    reason: 'Reason',
    reasonHelp: 'Why you need the role; the approvers read it.',
    reasonOptional: 'Optional: why you need the role.',
    reasonRequired: 'A reason is required.',
    sessionOutlasts:
      'Sessions of this role last {{session}}: credentials taken near the end of the grant stay valid that long after it.',
    selfService: 'Self-service: granted without approval.',
    approvedByTeam:
      'The team that holds this role in the account approves the request.',
    approvedByGroup: 'Members of {{group}} approve the request.',
    submit: 'Request',
    submitting: 'Requesting…',
    cancel: 'Cancel',
    close: 'Close',
    failed: 'Could not request access: {{reason}}',
    pending: 'Requested {{role}} for {{duration}}: waiting for approval.',
    granted: 'Approved {{role}} for {{duration}}: the role is being granted.',
    openRequests: 'Open your requests',
    statePending: 'Requested, waiting for approval',
    stateApproved: 'Approved, being granted',
    stateActive: 'Granted until {{time, datetime}}',
    stateExpiring: 'Being removed',
  },
  requests: {
    title: 'Temporary access',
    loadError: 'Could not load the requests',
    notOfferedTitle: 'Temporary access is not offered',
    notOfferedDescription:
      'No organisation lets its roles be requested for a while. Ask your Backstage administrators.',
    emptyTitle: 'No requests',
    emptyDescription:
      'Ask for a role you lack with "Request temporary access" on its account; requests to approve show here too.',
    toApprove: 'To approve',
    toApproveEmpty: 'Nothing waits for your approval.',
    mine: 'My requests',
    mineEmpty: 'You have not requested temporary access.',
    others: 'Other requests to your teams',
    accountColumn: 'Account',
    organizationColumn: 'Organisation',
    roleColumn: 'Role',
    requesterColumn: 'Requester',
    durationColumn: 'Duration',
    reasonColumn: 'Reason',
    stateColumn: 'State',
    actionsColumn: 'Actions',
    noReason: '—',
    statePending: 'Pending',
    stateApproved: 'Approved',
    stateGranting: 'Granting',
    stateActive: 'Active',
    stateExpiring: 'Being removed',
    stateRemoved: 'Removed',
    stateDenied: 'Denied',
    stateCancelled: 'Cancelled',
    stateFailed: 'Failed',
    timeLeft: '{{time}} left',
    decisionReason: 'Reason: {{reason}}',
    approvedBy: 'Approved by {{who}}',
    deniedBy: 'Denied by {{who}}',
    selfService: 'Self-service: no approval needed',
    revoked: 'Revoked by {{who}}',
    revokedWithReason: 'Revoked by {{who}}: {{reason}}',
    lastError: 'Error: {{error}}',
    overdue:
      'Overdue removal: the role is still assigned and removal is retried.',
    approve: 'Approve',
    deny: 'Deny',
    revoke: 'Revoke',
    cancel: 'Cancel',
    actionLabel: '{{action}}: {{role}} in {{accountName}} for {{requester}}',
    actionFailed: 'The request did not change: {{reason}}',
    denyTitle: 'Deny the request',
    denyReason: 'Reason for the denial',
    revokeTitle: 'Revoke the access',
    revokeReason: 'Reason (optional)',
    reasonRequired: 'A reason is required.',
    dialogSubject: '{{role}} in {{accountName}} for {{requester}}',
    close: 'Back',
    updated: 'The requests changed; the list shows them now.',
  },
  cliSteps: {
    wizardHeading: 'Or answer {{command}} like this',
    wizardHint:
      'In this order; the prompts are worded a little differently in different CLI versions. The wizard signs in too: on a remote machine run it with {{flag}} (CLI 2.22 and later).',
    wizardLabel: 'aws configure sso answers for {{profile}}',
    promptColumn: 'Prompt',
    answerColumn: 'Answer',
    signInHeading: 'Sign in once per session',
    sessionNote:
      'One sign-in serves every profile of session "{{session}}" until the access portal session ends; the role\'s credentials last {{duration}} and renew by themselves while you are signed in.',
    useHeading: 'Use the profile in this terminal, then check who you are',
    expect: 'Expect {{account}} and an {{arn}} ending in {{role}}.',
  },
  remoteSignInAdvice:
    'Since AWS CLI {{version}}, aws sso login signs in with the authorization-code flow (PKCE): the browser sends you back to the CLI on 127.0.0.1. Over SSH, in a container or dev container, in WSL without a browser, or on any host whose browser cannot reach that port, add --use-device-code: the CLI prints a URL and a code to enter on any device. Older CLIs use the device code by default and do not know the flag.',
  checklist: {
    title: 'Onboarding checklist',
    progress: '{{done, number}} of {{count}} done',
    progressLabel: 'Onboarding progress',
    cliTitle: 'AWS CLI 2.9 or newer installed',
    cliHelp:
      'Version 1 and versions before 2.9 cannot read [sso-session] sections.',
    sessionTitle: 'SSO session "{{session}}" configured',
    sessionTitleOrganization:
      'SSO session "{{session}}" of {{organization}} configured',
    sessionHelp:
      '"Set up this machine" above writes it, or paste the [sso-session] block into ~/.aws/config, or answer the questions of:',
    profilesTitle: 'Profiles added',
    profilesHelp:
      '"Set up this machine" above installs them and keeps them up to date; or use "Copy all" or "Download config" and add them to ~/.aws/config by hand.',
    loginTitle: 'Signed in',
    loginTitleSession: 'Signed in to session "{{session}}"',
    loginHelp: 'Once per session, not per profile.',
    identityTitle: 'Identity verified',
    identityHelp: 'The account in the answer must be the profile’s account.',
    profileEnvTitle: 'AWS_PROFILE set in your terminal',
    profileEnvHelp:
      'Set it per terminal window to work in several accounts side by side.',
    mfaTitle: 'MFA enabled',
    mfaTitleOrganization: 'MFA enabled in {{organization}}',
    mfaHelp:
      'Register an MFA device in the AWS access portal ({{startUrl}}) under MFA devices.',
  },
  troubleshooting: {
    title: 'Troubleshooting',
    remoteTitle:
      'Sign-in fails on a remote machine: SSH, a container, WSL or a host without a browser',
    remoteExplanation:
      '--no-browser alone does not help: the browser still has to reach 127.0.0.1 on the machine that runs the CLI. Tick "I work on a remote machine" above to get this command everywhere on this page and in the scripts.',
    browserTitle: 'The browser does not open',
    browserExplanation:
      'On your own machine the CLI opens the default browser. If nothing opens, it prints a URL: open it in a browser on this same machine. On a remote machine, see above.',
    profileNotFoundTitle: '{{error}}',
    profileNotFoundExplanation:
      'The name must match a [profile NAME] block exactly. List what the CLI sees, and check which file it reads.',
    tokenExpiredTitle: '{{expired}}, or "{{loading}}"',
    tokenExpiredExplanation:
      'The access portal session ended or you never signed in on this machine. Sign in again; every profile of the session works afterwards.',
    awsLoginTitle: '"aws login" is not Identity Center sign-in',
    awsLoginExplanation:
      'aws login (AWS CLI 2.32 and later) signs in with IAM console credentials, the ones of the AWS Management Console for an IAM user or root; it does not use IAM Identity Center and knows nothing of session "{{session}}". For the profiles here, sign in with aws sso login.',
    awsLoginExplanationSessions:
      'aws login (AWS CLI 2.32 and later) signs in with IAM console credentials, the ones of the AWS Management Console for an IAM user or root; it does not use IAM Identity Center and knows nothing of your sessions {{sessions}}. For the profiles here, sign in with aws sso login.',
    mixedSsoTitle:
      'A profile mixes sso_session with sso_start_url or sso_region',
    mixedSsoExplanation:
      'A profile with sso_session = {{session}} takes the start URL and region from [sso-session {{session}}]. If it also has its own sso_start_url or sso_region and they disagree with the session\'s, the CLI refuses the profile: "{{error}}". Delete those two lines from the profile, or use the portal\'s profiles, which carry only sso_session.',
    wrongRegionTitle: 'Resources are missing: the wrong region',
    wrongRegionExplanation:
      'A command runs in the profile region unless AWS_REGION, AWS_DEFAULT_REGION or --region says otherwise. Check which one wins.',
    sessionOrProfileTitle: 'Session login or profile login?',
    sessionOrProfileExplanation:
      '"aws sso login --sso-session {{session}}" signs in once for all profiles that use the session. "aws sso login --profile NAME" signs in through that profile\'s session and gives the same token; it is needed only for legacy profiles without sso_session.',
    severalSessions:
      'Each organisation has its own session ({{sessions}}): sign in to each one whose profiles you use.',
  },
  searchResult: {
    account: 'AWS account {{accountId}}',
    teams: 'Teams',
    roles: 'Roles',
  },
  copy: {
    profile: 'Copy profile {{profile}}',
    ssoSession: 'Copy SSO session {{session}}',
    commands: 'Copy the commands for "{{title}}"',
    signIn: 'Copy the sign-in command for {{profile}}',
    useProfile: 'Copy the commands that use {{profile}}',
    setupCommand: 'Copy the command that runs the setup script',
    copied: 'Copied',
  },
  live: {
    updated: 'AWS access changed; the page shows the new access now.',
  },
} as const;

/**
 * Every text the AWS Access frontend shows, in English. Generated config, scripts and
 * commands are not here: the AWS CLI and support read them, so they stay English.
 *
 * Norwegian Bokmål (`nb`) ships with the plugin; an app adds another language with a
 * translation resource for this ref.
 *
 * @alpha
 */
export const awsAccessTranslationRef = createTranslationRef({
  id: 'aws-access',
  messages: awsAccessMessages,
  translations: {
    nb: () => import('./translations/nb'),
  },
});

/** `t` of {@link awsAccessTranslationRef}, for helpers that build texts outside a component. */
export type AwsAccessTranslate = TranslationFunction<
  typeof awsAccessTranslationRef.T
>;
