import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
} from '@backstage/core-components';
import { Grid } from '@material-ui/core';
import { SIGNED_IN_USER } from '@aws-access/backstage-plugin-aws-access-common';
import { useSearchParams } from 'react-router-dom';
import { EntityAwsAccess } from '../EntityAwsAccess';
import { TeamPicker } from '../TeamPicker';

/**
 * The `/aws-access` page: pick a team, get its AWS accounts and ready-made profiles.
 * The chosen team lives in the URL (`?team=group:default/platform`) so links can be shared.
 */
export function AwsAccessPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const team = searchParams.get('team') ?? undefined;

  return (
    <Page themeId="tool">
      <Header
        title="AWS Access"
        subtitle="Your teams' AWS accounts and roles, ready for the AWS CLI"
      />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12} md={3}>
            <TeamPicker
              selected={team}
              onSelect={ref => setSearchParams({ team: ref })}
            />
          </Grid>
          <Grid item xs={12} md={9}>
            {team ? (
              <>
                <ContentHeader
                  title={
                    team === SIGNED_IN_USER
                      ? 'My AWS access'
                      : `AWS accounts of ${team}`
                  }
                />
                <EntityAwsAccess entityRef={team} />
              </>
            ) : (
              <EmptyState
                missing="info"
                title="Choose a team"
                description="Pick a team on the left to see its AWS accounts, roles and ~/.aws/config profiles."
              />
            )}
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
