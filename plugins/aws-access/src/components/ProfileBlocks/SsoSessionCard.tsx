import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  AwsOrganizationSettings,
  renderSsoSessionBlock,
} from '@aws-access/backstage-plugin-aws-access-common';
import { CodeBlock } from '../CodeBlock';
import { awsAccessTranslationRef } from '../../translation';

/**
 * An organisation's `[sso-session]` block, which its profiles refer to, with a copy
 * button; `showOrganization` names the organisation when the portal serves several.
 */
export function SsoSessionCard(props: {
  organization: AwsOrganizationSettings;
  showOrganization?: boolean;
}) {
  const { organization, showOrganization } = props;
  const { sso } = organization;
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (
    <section aria-label={t('ssoSession.label', { session: sso.sessionName })}>
      <InfoCard
        title={t('ssoSession.title', { session: sso.sessionName })}
        subheader={
          showOrganization
            ? t('ssoSession.subheaderOrganization', {
                organization: organization.title,
              })
            : t('ssoSession.subheader')
        }
      >
        <CodeBlock
          text={renderSsoSessionBlock(sso)}
          copyLabel={t('copy.ssoSession', { session: sso.sessionName })}
        />
      </InfoCard>
    </section>
  );
}
