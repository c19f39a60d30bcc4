import { CodeSnippet, InfoCard } from '@backstage/core-components';
import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import {
  Box,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Typography,
} from '@material-ui/core';
import {
  PlannedProfile,
  REMOTE_SIGN_IN_ADVICE,
  SignInOptions,
  SsoSessionSettings,
  cliCommands,
  loginCommand,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { STORAGE_BUCKET, useRemoteSignIn } from '../../hooks/useCliPreferences';

interface Step {
  id: string;
  title: string;
  help: string;
  commands?: string;
}

function steps(
  sso: SsoSessionSettings,
  signIn: SignInOptions,
  example?: PlannedProfile,
): Step[] {
  const commands = example && cliCommands(example, sso, signIn);
  const profile = example?.profileName ?? 'NAME';
  return [
    {
      id: 'cli',
      title: 'AWS CLI 2.9 or newer installed',
      help: 'Version 1 and versions before 2.9 cannot read [sso-session] sections.',
      commands: 'aws --version',
    },
    {
      id: 'session',
      title: `SSO session "${sso.sessionName}" configured`,
      help: '"Set up this machine" above writes it, or paste the [sso-session] block into ~/.aws/config, or answer the questions of:',
      commands: 'aws configure sso-session',
    },
    {
      id: 'profiles',
      title: 'Profiles added',
      help: '"Set up this machine" above installs them and keeps them up to date; or use "Copy all" or "Download config" and add them to ~/.aws/config by hand.',
      commands: 'aws configure list-profiles',
    },
    {
      id: 'login',
      title: 'Signed in',
      help: `Once per session, not per profile. ${REMOTE_SIGN_IN_ADVICE}`,
      commands: commands?.login ?? loginCommand(sso, signIn),
    },
    {
      id: 'identity',
      title: 'Identity verified',
      help: 'The account in the answer must be the profile’s account.',
      commands: `aws sts get-caller-identity --profile ${profile}`,
    },
    {
      id: 'aws-profile',
      title: 'AWS_PROFILE set in your terminal',
      help: 'Set it per terminal window to work in several accounts side by side.',
      commands: commands?.useProfile ?? 'export AWS_PROFILE=NAME',
    },
    {
      id: 'mfa',
      title: 'MFA enabled',
      help: `Register an MFA device in the AWS access portal (${sso.startUrl}) under MFA devices.`,
    },
  ];
}

/**
 * The signed-in user's path from nothing to a working CLI. Ticks are kept in their
 * Backstage settings, so progress follows them across devices and reloads.
 */
export function OnboardingChecklist(props: {
  sso: SsoSessionSettings;
  example?: PlannedProfile;
}) {
  const storage = useApi(storageApiRef).forBucket(STORAGE_BUCKET);
  const snapshot = useObservable(
    useMemo(
      () => storage.observe$<Record<string, boolean>>('checklist'),
      [storage],
    ),
    storage.snapshot<Record<string, boolean>>('checklist'),
  );
  const done = snapshot.value ?? {};
  const { remote } = useRemoteSignIn();
  const all = steps(props.sso, { remote }, props.example);
  const count = all.filter(s => done[s.id]).length;

  return (
    <InfoCard
      title="Onboarding checklist"
      subheader={`${count} of ${all.length} done`}
    >
      <LinearProgress
        variant="determinate"
        value={(count / all.length) * 100}
        aria-label="Onboarding progress"
      />
      {all.map(step => (
        <Box key={step.id} mt={2}>
          <FormControlLabel
            control={
              <Checkbox
                checked={Boolean(done[step.id])}
                onChange={e =>
                  storage.set('checklist', {
                    ...done,
                    [step.id]: e.target.checked,
                  })
                }
              />
            }
            label={step.title}
          />
          <Typography variant="body2" color="textSecondary">
            {step.help}
          </Typography>
          {step.commands && (
            <CodeSnippet
              language="bash"
              text={step.commands}
              showCopyCodeButton
            />
          )}
        </Box>
      ))}
    </InfoCard>
  );
}
