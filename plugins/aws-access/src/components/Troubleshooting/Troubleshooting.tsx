import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import { SsoSessionSettings } from '@aws-access/backstage-plugin-aws-access-common';

interface Problem {
  title: string;
  explanation: string;
  commands: string;
}

function problems(sso: SsoSessionSettings): Problem[] {
  const session = sso.sessionName;
  return [
    {
      title: 'The browser does not open',
      explanation:
        'Sign in without a browser on this machine: the CLI prints a URL and a code; open the URL anywhere and enter the code.',
      commands: `aws sso login --sso-session ${session} --no-browser`,
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
      commands: `aws sso login --sso-session ${session}`,
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
      commands: `aws sso login --sso-session ${session}\naws sso login --profile NAME`,
    },
  ];
}

/** Common AWS CLI sign-in problems and what to run. */
export function Troubleshooting({ sso }: { sso: SsoSessionSettings }) {
  return (
    <InfoCard title="Troubleshooting">
      {problems(sso).map(p => (
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
