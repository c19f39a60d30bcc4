import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  SsoSessionSettings,
  renderSsoSessionBlock,
} from '@aws-access/backstage-plugin-aws-access-common';
import { CodeBlock } from '../CodeBlock';
import { awsAccessTranslationRef } from '../../translation';

/** The `[sso-session]` block every profile refers to, with a copy button. */
export function SsoSessionCard({ sso }: { sso: SsoSessionSettings }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  return (
    <section aria-label={t('ssoSession.label', { session: sso.sessionName })}>
      <InfoCard
        title={t('ssoSession.title', { session: sso.sessionName })}
        subheader={t('ssoSession.subheader')}
      >
        <CodeBlock
          text={renderSsoSessionBlock(sso)}
          copyLabel={t('copy.ssoSession', { session: sso.sessionName })}
        />
      </InfoCard>
    </section>
  );
}
