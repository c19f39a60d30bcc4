import { Link } from '@backstage/core-components';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Typography,
} from '@material-ui/core';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AwsAccountAccess,
  AwsConfigVariant,
  AwsOrganizationSettings,
  AwsRole,
  PlannedProfile,
  consoleUrl,
  renderProfileBlock,
} from '@aws-access/backstage-plugin-aws-access-common';
import { ReactNode } from 'react';
import { CodeBlock } from '../CodeBlock';
import { RoleCliSteps } from '../RoleCliSteps';
import { useFormatSessionDuration } from '../../hooks/useFormatSessionDuration';
import { awsAccessTranslationRef } from '../../translation';

/**
 * One role in one account: what it is, a console link, the `[profile]` block with a copy
 * button and the CLI steps; `gap` says whether the reader holds it.
 */
export function RoleProfile(props: {
  account: AwsAccountAccess;
  role: AwsRole;
  profile?: PlannedProfile;
  /** The account's organisation: its session signs in to the console and the CLI. */
  organization: AwsOrganizationSettings;
  variant: AwsConfigVariant;
  gap?: ReactNode;
}) {
  const { account, role, profile, organization, variant } = props;
  const { sso } = organization;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const formatSessionDuration = useFormatSessionDuration();
  return (
    <Box mb={3}>
      <Box display="flex" alignItems="baseline" justifyContent="space-between">
        <Typography variant="h6" component="h3">
          {role.name}
        </Typography>
        <Link
          to={consoleUrl(sso.startUrl, account.id, role.name)}
          aria-label={t('role.consoleLabel', {
            accountName: account.name,
            role: role.name,
          })}
        >
          {t('account.openConsole')}
        </Link>
      </Box>
      <Typography variant="body2" color="textSecondary">
        {[
          role.description,
          role.sessionDuration &&
            t('role.sessionLasts', {
              duration: formatSessionDuration(role.sessionDuration),
            }),
          t('role.grantedVia', { groups: role.grantedVia.join(', ') }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
      {props.gap}
      {profile && (
        <>
          <CodeBlock
            text={renderProfileBlock(profile, organization, variant)}
            copyLabel={t('copy.profile', { profile: profile.profileName })}
          />
          <Accordion TransitionProps={{ unmountOnExit: true }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Typography>
                {t('role.cliSteps', { profile: profile.profileName })}
              </Typography>
            </AccordionSummary>
            <AccordionDetails>
              <RoleCliSteps
                profile={profile}
                sso={sso}
                output={organization.profiles.output}
                sessionDuration={role.sessionDuration}
              />
            </AccordionDetails>
          </Accordion>
        </>
      )}
    </Box>
  );
}
