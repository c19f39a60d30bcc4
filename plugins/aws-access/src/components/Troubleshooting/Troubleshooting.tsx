import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AUTHORIZATION_CODE_CLI,
  SignInOptions,
  SsoSessionSettings,
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

function problems(
  t: AwsAccessTranslate,
  sso: SsoSessionSettings,
  signIn: SignInOptions,
): Problem[] {
  const session = sso.sessionName;
  return [
    {
      title: t('troubleshooting.remoteTitle'),
      explanation: `${t('remoteSignInAdvice', {
        version: authorizationCodeCli,
      })} ${t('troubleshooting.remoteExplanation')}`,
      commands: `${loginCommand(sso, {
        remote: true,
      })}\naws --version   # device code by default before ${authorizationCodeCli}`,
    },
    {
      title: t('troubleshooting.browserTitle'),
      explanation: t('troubleshooting.browserExplanation'),
      commands: loginCommand(sso, signIn),
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
      explanation: t('troubleshooting.tokenExpiredExplanation'),
      commands: loginCommand(sso, signIn),
    },
    {
      title: t('troubleshooting.awsLoginTitle'),
      explanation: t('troubleshooting.awsLoginExplanation', { session }),
      commands: loginCommand(sso, signIn),
    },
    {
      title: t('troubleshooting.mixedSsoTitle'),
      explanation: t('troubleshooting.mixedSsoExplanation', {
        session,
        error: CLI_MESSAGES.inconsistentStartUrl,
      }),
      commands: `aws configure get sso_start_url --profile NAME\naws configure get sso_session --profile NAME\ngrep -n -A6 '\\[sso-session ${session}\\]' "\${AWS_CONFIG_FILE:-$HOME/.aws/config}"`,
    },
    {
      title: t('troubleshooting.wrongRegionTitle'),
      explanation: t('troubleshooting.wrongRegionExplanation'),
      commands: 'aws configure list\nenv | grep -E "^AWS_(DEFAULT_)?REGION="',
    },
    {
      title: t('troubleshooting.sessionOrProfileTitle'),
      explanation: t('troubleshooting.sessionOrProfileExplanation', {
        session,
      }),
      commands: `${loginCommand(sso, signIn)}\naws sso login --profile NAME`,
    },
  ];
}

/** Common AWS CLI sign-in problems and what to run. */
export function Troubleshooting({ sso }: { sso: SsoSessionSettings }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const { remote } = useRemoteSignIn();
  return (
    <InfoCard title={t('troubleshooting.title')}>
      {problems(t, sso, { remote }).map(p => (
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
