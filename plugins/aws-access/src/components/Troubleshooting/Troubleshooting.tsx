import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import {
  AUTHORIZATION_CODE_CLI,
  REMOTE_SIGN_IN_ADVICE,
  SignInOptions,
  SsoSessionSettings,
  loginCommand,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useRemoteSignIn } from '../../hooks/useCliPreferences';

interface Problem {
  title: string;
  explanation: string;
  commands: string;
}

const authorizationCodeCli = `${AUTHORIZATION_CODE_CLI.major}.${AUTHORIZATION_CODE_CLI.minor}`;

function problems(sso: SsoSessionSettings, signIn: SignInOptions): Problem[] {
  const session = sso.sessionName;
  return [
    {
      title:
        'Sign-in fails on a remote machine: SSH, a container, WSL or a host without a browser',
      explanation: `${REMOTE_SIGN_IN_ADVICE} --no-browser alone does not help: the browser still has to reach 127.0.0.1 on the machine that runs the CLI. Tick "I work on a remote machine" above to get this command everywhere on this page and in the scripts.`,
      commands: `${loginCommand(sso, {
        remote: true,
      })}\naws --version   # device code by default before ${authorizationCodeCli}`,
    },
    {
      title: 'The browser does not open',
      explanation:
        'On your own machine the CLI opens the default browser. If nothing opens, it prints a URL: open it in a browser on this same machine. On a remote machine, see above.',
      commands: loginCommand(sso, signIn),
    },
    {
      title: 'The config profile (…) could not be found',
      explanation:
        'The name must match a [profile NAME] block exactly. List what the CLI sees, and check which file it reads.',
      commands:
        'aws configure list-profiles\necho "${AWS_CONFIG_FILE:-$HOME/.aws/config}"',
    },
    {
      title: 'Token has expired, or "Error loading SSO Token"',
      explanation:
        'The access portal session ended or you never signed in on this machine. Sign in again; every profile of the session works afterwards.',
      commands: loginCommand(sso, signIn),
    },
    {
      title: '"aws login" is not Identity Center sign-in',
      explanation: `aws login (AWS CLI 2.32 and later) signs in with IAM console credentials, the ones of the AWS Management Console for an IAM user or root; it does not use IAM Identity Center and knows nothing of session "${session}". For the profiles here, sign in with aws sso login.`,
      commands: loginCommand(sso, signIn),
    },
    {
      title: 'A profile mixes sso_session with sso_start_url or sso_region',
      explanation: `A profile with sso_session = ${session} takes the start URL and region from [sso-session ${session}]. If it also has its own sso_start_url or sso_region and they disagree with the session's, the CLI refuses the profile: "The value for sso_start_url is inconsistent between profile (…) and sso-session (…)". Delete those two lines from the profile, or use the portal's profiles, which carry only sso_session.`,
      commands: `aws configure get sso_start_url --profile NAME\naws configure get sso_session --profile NAME\ngrep -n -A6 '\\[sso-session ${session}\\]' "\${AWS_CONFIG_FILE:-$HOME/.aws/config}"`,
    },
    {
      title: 'Resources are missing: the wrong region',
      explanation:
        'A command runs in the profile region unless AWS_REGION, AWS_DEFAULT_REGION or --region says otherwise. Check which one wins.',
      commands: 'aws configure list\nenv | grep -E "^AWS_(DEFAULT_)?REGION="',
    },
    {
      title: 'Session login or profile login?',
      explanation: `"aws sso login --sso-session ${session}" signs in once for all profiles that use the session. "aws sso login --profile NAME" signs in through that profile's session and gives the same token; it is needed only for legacy profiles without sso_session.`,
      commands: `${loginCommand(sso, signIn)}\naws sso login --profile NAME`,
    },
  ];
}

/** Common AWS CLI sign-in problems and what to run. */
export function Troubleshooting({ sso }: { sso: SsoSessionSettings }) {
  const { remote } = useRemoteSignIn();
  return (
    <InfoCard title="Troubleshooting">
      {problems(sso, { remote }).map(p => (
        <section
          key={p.title}
          aria-label={p.title}
          style={{ marginBottom: 16 }}
        >
          <Typography variant="subtitle1" component="h3">
            {p.title}
          </Typography>
          <Typography variant="body2">{p.explanation}</Typography>
          <CodeSnippet language="bash" text={p.commands} showCopyCodeButton />
        </section>
      ))}
    </InfoCard>
  );
}
