import { InfoCard } from '@backstage/core-components';
import { storageApiRef, useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Box,
  Checkbox,
  FormControlLabel,
  LinearProgress,
  Typography,
} from '@material-ui/core';
import {
  AUTHORIZATION_CODE_CLI,
  AwsOrganizationSettings,
  PlannedProfile,
  SignInOptions,
  cliCommands,
  loginCommand,
} from '@aws-access/backstage-plugin-aws-access-common';
import { useMemo } from 'react';
import useObservable from 'react-use/esm/useObservable';
import { STORAGE_BUCKET, useRemoteSignIn } from '../../hooks/useCliPreferences';
import { CodeBlock } from '../CodeBlock';
import { AwsAccessTranslate, awsAccessTranslationRef } from '../../translation';

interface Step {
  id: string;
  title: string;
  help: string;
  commands?: string;
}

/**
 * The steps that name a session or its access portal: one of each per organisation.
 * With one organisation their ids are the plain step ids, so ticks kept before several
 * organisations existed still count; with several, each id names its organisation.
 */
function perOrganization(
  organizations: AwsOrganizationSettings[],
  id: string,
  step: (
    organization: AwsOrganizationSettings,
    several: boolean,
  ) => Omit<Step, 'id'>,
): Step[] {
  const several = organizations.length > 1;
  return organizations.map(o => ({
    id: several ? `${id}:${o.id}` : id,
    ...step(o, several),
  }));
}

function steps(
  t: AwsAccessTranslate,
  organizations: AwsOrganizationSettings[],
  signIn: SignInOptions,
  example?: PlannedProfile,
): Step[] {
  const exampleOrganization =
    example && organizations.find(o => o.id === example.organization);
  const commands =
    example &&
    exampleOrganization &&
    cliCommands(example, exampleOrganization.sso, signIn);
  const profile = example?.profileName ?? 'NAME';
  return [
    {
      id: 'cli',
      title: t('checklist.cliTitle'),
      help: t('checklist.cliHelp'),
      commands: 'aws --version',
    },
    ...perOrganization(organizations, 'session', ({ sso, title }, several) => ({
      title: several
        ? t('checklist.sessionTitleOrganization', {
            session: sso.sessionName,
            organization: title,
          })
        : t('checklist.sessionTitle', { session: sso.sessionName }),
      help: t('checklist.sessionHelp'),
      commands: 'aws configure sso-session',
    })),
    {
      id: 'profiles',
      title: t('checklist.profilesTitle'),
      help: t('checklist.profilesHelp'),
      commands: 'aws configure list-profiles',
    },
    ...perOrganization(organizations, 'login', ({ sso }, several) => ({
      title: several
        ? t('checklist.loginTitleSession', { session: sso.sessionName })
        : t('checklist.loginTitle'),
      help: `${t('checklist.loginHelp')} ${t('remoteSignInAdvice', {
        version: `${AUTHORIZATION_CODE_CLI.major}.${AUTHORIZATION_CODE_CLI.minor}`,
      })}`,
      commands: loginCommand(sso, signIn),
    })),
    {
      id: 'identity',
      title: t('checklist.identityTitle'),
      help: t('checklist.identityHelp'),
      commands: `aws sts get-caller-identity --profile ${profile}`,
    },
    {
      id: 'aws-profile',
      title: t('checklist.profileEnvTitle'),
      help: t('checklist.profileEnvHelp'),
      commands: commands?.useProfile ?? 'export AWS_PROFILE=NAME',
    },
    ...perOrganization(organizations, 'mfa', ({ sso, title }, several) => ({
      title: several
        ? t('checklist.mfaTitleOrganization', { organization: title })
        : t('checklist.mfaTitle'),
      help: t('checklist.mfaHelp', { startUrl: sso.startUrl }),
    })),
  ];
}

/**
 * The signed-in user's path from nothing to a working CLI. Ticks are kept in their
 * Backstage settings, so progress follows them across devices and reloads.
 */
export function OnboardingChecklist(props: {
  /** The organisations the reader's accounts are in: one session each. */
  organizations: AwsOrganizationSettings[];
  example?: PlannedProfile;
}) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
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
  const all = steps(t, props.organizations, { remote }, props.example);
  const count = all.filter(s => done[s.id]).length;

  return (
    <InfoCard
      title={t('checklist.title')}
      subheader={t('checklist.progress', { done: count, count: all.length })}
    >
      <LinearProgress
        variant="determinate"
        value={(count / all.length) * 100}
        aria-label={t('checklist.progressLabel')}
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
            <CodeBlock
              text={step.commands}
              copyLabel={t('copy.commands', { title: step.title })}
            />
          )}
        </Box>
      ))}
    </InfoCard>
  );
}
