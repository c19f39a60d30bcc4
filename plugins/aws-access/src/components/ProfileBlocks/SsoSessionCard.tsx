import { CodeSnippet, InfoCard } from '@backstage/core-components';
import {
  SsoSessionSettings,
  renderSsoSessionBlock,
} from '@aws-access/backstage-plugin-aws-access-common';

/** The `[sso-session]` block every profile refers to, with a copy button. */
export function SsoSessionCard({ sso }: { sso: SsoSessionSettings }) {
  return (
    <section aria-label={`SSO session ${sso.sessionName}`}>
      <InfoCard
        title={`SSO session "${sso.sessionName}"`}
        subheader="Add this once to ~/.aws/config; every profile below refers to it."
      >
        <CodeSnippet
          language="ini"
          text={renderSsoSessionBlock(sso)}
          showCopyCodeButton
        />
      </InfoCard>
    </section>
  );
}
