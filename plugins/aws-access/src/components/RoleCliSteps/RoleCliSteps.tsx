import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import {
  AUTHORIZATION_CODE_CLI,
  PlannedProfile,
  SsoSessionSettings,
  cliCommands,
  configureSsoCommand,
  wizardAnswers,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useRemoteSignIn } from '../../hooks/useCliPreferences';
import { useFormatSessionDuration } from '../../hooks/useFormatSessionDuration';
import { CodeBlock } from '../CodeBlock';
import { awsAccessTranslationRef } from '../../translation';

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
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatSessionDuration = useFormatSessionDuration();
  const { remote } = useRemoteSignIn();
  const commands = cliCommands(profile, sso, { remote });
  return (
    <div>
      <Typography variant="subtitle2" component="h4">
        {t('cliSteps.wizardHeading', {
          command: <code>{configureSsoCommand({ remote })}</code>,
        })}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {t('cliSteps.wizardHint', { flag: <code>--use-device-code</code> })}
      </Typography>
      <Table
        size="small"
        aria-label={t('cliSteps.wizardLabel', { profile: profile.profileName })}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('cliSteps.promptColumn')}</TableCell>
            <TableCell>{t('cliSteps.answerColumn')}</TableCell>
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
        {t('cliSteps.signInHeading')}
      </Typography>
      <CodeBlock
        text={commands.login}
        copyLabel={t('copy.signIn', { profile: profile.profileName })}
      />
      <Typography variant="caption" color="textSecondary" component="p">
        {t('remoteSignInAdvice', {
          version: `${AUTHORIZATION_CODE_CLI.major}.${AUTHORIZATION_CODE_CLI.minor}`,
        })}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {t('cliSteps.sessionNote', {
          session: sso.sessionName,
          duration: formatSessionDuration(sessionDuration ?? 'PT1H'),
        })}
      </Typography>
      <Typography variant="subtitle2" component="h4" style={{ marginTop: 16 }}>
        {t('cliSteps.useHeading')}
      </Typography>
      <CodeBlock
        text={`${commands.useProfile}\n${commands.verify.replace(
          / --profile \S+$/,
          '',
        )}`}
        copyLabel={t('copy.useProfile', { profile: profile.profileName })}
      />
      <Typography variant="caption" color="textSecondary">
        {t('cliSteps.expect', {
          account: <code>{`"Account": "${profile.accountId}"`}</code>,
          arn: <code>Arn</code>,
          role: (
            <code>{`assumed-role/AWSReservedSSO_${profile.roleName}_…/you`}</code>
          ),
        })}
      </Typography>
    </div>
  );
}
