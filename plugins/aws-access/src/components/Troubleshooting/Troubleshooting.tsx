import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AUTHORIZATION_CODE_CLI,
  AwsOrganizationSettings,
  SignInOptions,
  loginCommand,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useRemoteSignIn } from '../../hooks/useCliPreferences';
import { CodeBlock } from '../CodeBlock';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';

interface Problem {
  title: string;
  explanation: string;
  commands: string;
}

const authorizationCodeCli = `${AUTHORIZATION_CODE_CLI.major}.${AUTHORIZATION_CODE_CLI.minor}`;

/**
 * What the AWS CLI prints, quoted as it prints it: it is English whatever the page's
 * language, and readers search for these exact words.
 */
export const CLI_MESSAGES = {
  profileNotFound: 'The config profile (…) could not be found',
  tokenExpired: 'Token has expired',
  errorLoadingToken: 'Error loading SSO Token',
  inconsistentStartUrl:
    'The value for sso_start_url is inconsistent between profile (…) and sso-session (…)',
};

/** The commands, once for each session: sign-in is per session. */
const eachSession = (
  organizations: AwsOrganizationSettings[],
  command: (organization: AwsOrganizationSettings) => string,
) => organizations.map(command).join('\n');

function problems(
  t: AwsAccessTranslate,
  organizations: AwsOrganizationSettings[],
  signIn: SignInOptions,
): Problem[] {
  // Explanations that name a session name the first; with several sessions they add
  // that each organisation has its own, and the commands cover every session.
  const session = organizations[0].sso.sessionName;
  const sessions = organizations.map(o => o.sso.sessionName).join(', ');
  const several =
    organizations.length > 1
      ? ` ${t('troubleshooting.severalSessions', { sessions })}`
      : '';
  const login = eachSession(organizations, o => loginCommand(o.sso, signIn));
  return [
    {
      title: t('troubleshooting.remoteTitle'),
      explanation: `${t('remoteSignInAdvice', {
        version: authorizationCodeCli,
      })} ${t('troubleshooting.remoteExplanation')}`,
      commands: `${eachSession(organizations, o =>
        loginCommand(o.sso, { remote: true }),
      )}\naws --version   # device code by default before ${authorizationCodeCli}`,
    },
    {
      title: t('troubleshooting.browserTitle'),
      explanation: t('troubleshooting.browserExplanation'),
      commands: login,
    },
    {
      title: t('troubleshooting.profileNotFoundTitle', {
        error: CLI_MESSAGES.profileNotFound,
      }),
      explanation: t('troubleshooting.profileNotFoundExplanation'),
      commands:
        'aws configure list-profiles\necho "${AWS_CONFIG_FILE:-$HOME/.aws/config}"',
    },
    {
      title: t('troubleshooting.tokenExpiredTitle', {
        expired: CLI_MESSAGES.tokenExpired,
        loading: CLI_MESSAGES.errorLoadingToken,
      }),
      explanation: `${t('troubleshooting.tokenExpiredExplanation')}${several}`,
      commands: login,
    },
    {
      title: t('troubleshooting.awsLoginTitle'),
      explanation:
        organizations.length > 1
          ? t('troubleshooting.awsLoginExplanationSessions', { sessions })
          : t('troubleshooting.awsLoginExplanation', { session }),
      commands: login,
    },
    {
      title: t('troubleshooting.mixedSsoTitle'),
      explanation: t('troubleshooting.mixedSsoExplanation', {
        session,
        error: CLI_MESSAGES.inconsistentStartUrl,
      }),
      commands: `aws configure get sso_start_url --profile NAME\naws configure get sso_session --profile NAME\n${eachSession(
        organizations,
        o =>
          `grep -n -A6 '\\[sso-session ${o.sso.sessionName}\\]' "\${AWS_CONFIG_FILE:-$HOME/.aws/config}"`,
      )}`,
    },
    {
      title: t('troubleshooting.wrongRegionTitle'),
      explanation: t('troubleshooting.wrongRegionExplanation'),
      commands: 'aws configure list\nenv | grep -E "^AWS_(DEFAULT_)?REGION="',
    },
    {
      title: t('troubleshooting.sessionOrProfileTitle'),
      explanation: `${t('troubleshooting.sessionOrProfileExplanation', {
        session,
      })}${several}`,
      commands: `${login}\naws sso login --profile NAME`,
    },
  ];
}

/**
 * Common AWS CLI sign-in problems and what to run, for every session of `organizations`
 * (the organisations the reader's accounts are in; at least one).
 */
export function Troubleshooting(props: {
  organizations: AwsOrganizationSettings[];
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { remote } = useRemoteSignIn();
  if (props.organizations.length === 0) {
    return null;
  }
  return (
    <InfoCard title={t('troubleshooting.title')}>
      {problems(t, props.organizations, { remote }).map(p => (
        <section
          key={p.title}
          aria-label={p.title}
          style={{ marginBottom: 16 }}
        >
          <Typography variant="subtitle1" component="h3">
            {p.title}
          </Typography>
          <Typography variant="body2">{p.explanation}</Typography>
          <CodeBlock
            text={p.commands}
            copyLabel={t('copy.commands', { title: p.title })}
          />
        </section>
      ))}
    </InfoCard>
  );
}
