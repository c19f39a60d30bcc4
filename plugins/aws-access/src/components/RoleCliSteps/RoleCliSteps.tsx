import { CodeSnippet } from '@backstage/core-components';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  PlannedProfile,
  REMOTE_SIGN_IN_ADVICE,
  SsoSessionSettings,
  cliCommands,
  configureSsoCommand,
  formatSessionDuration,
  wizardAnswers,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useRemoteSignIn } from '../../hooks/useCliPreferences';

export interface RoleCliStepsProps {
  profile: PlannedProfile;
  sso: SsoSessionSettings;
  output: string;
  sessionDuration?: string;
}

/** For one account and role: the wizard answers and the commands to sign in and check. */
export function RoleCliSteps({
  profile,
  sso,
  output,
  sessionDuration,
}: RoleCliStepsProps) {
  const { remote } = useRemoteSignIn();
  const commands = cliCommands(profile, sso, { remote });
  return (
    <div>
      <Typography variant="subtitle2" component="h4">
        Or answer <code>{configureSsoCommand({ remote })}</code> like this
      </Typography>
      <Typography variant="caption" color="textSecondary">
        In this order; the prompts are worded a little differently in different
        CLI versions. The wizard signs in too: on a remote machine run it with{' '}
        <code>--use-device-code</code> (CLI 2.22 and later).
      </Typography>
      <Table
        size="small"
        aria-label={`aws configure sso answers for ${profile.profileName}`}
      >
        <TableHead>
          <TableRow>
            <TableCell>Prompt</TableCell>
            <TableCell>Answer</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {wizardAnswers(profile, sso, { output }).map(({ prompt, answer }) => (
            <TableRow key={prompt}>
              <TableCell>{prompt}</TableCell>
              <TableCell>
                <code>{answer}</code>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 16 }}>
        Sign in once per session
      </Typography>
      <CodeSnippet language="bash" text={commands.login} showCopyCodeButton />
      <Typography variant="caption" color="textSecondary" component="p">
        {REMOTE_SIGN_IN_ADVICE}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        One sign-in serves every profile of session &quot;{sso.sessionName}
        &quot; until the access portal session ends; the role&apos;s credentials
        last {formatSessionDuration(sessionDuration ?? 'PT1H')} and renew by
        themselves while you are signed in.
      </Typography>
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 16 }}>
        Use the profile in this terminal, then check who you are
      </Typography>
      <CodeSnippet
        language="bash"
        text={`${commands.useProfile}\n${commands.verify.replace(
          / --profile \S+$/,
          '',
        )}`}
        showCopyCodeButton
      />
      <Typography variant="caption" color="textSecondary">
        Expect <code>&quot;Account&quot;: &quot;{profile.accountId}&quot;</code>{' '}
        and an <code>Arn</code> ending in{' '}
        <code>assumed-role/AWSReservedSSO_{profile.roleName}_…/you</code>.
      </Typography>
    </div>
  );
}
