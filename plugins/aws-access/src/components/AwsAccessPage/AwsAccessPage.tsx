import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { Grid } from '@material-ui/core';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { parseEntityRef } from '@backstage/catalog-model';
import { SIGNED_IN_USER } from '@aws-access/backstage-plugin-aws-access-common';
import { Route, Routes, useParams, useSearchParams } from 'react-router-dom';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { offersTemporaryAccess } from '../../hooks/organizations';
import { Team, useTeams } from '../../hooks/useTeams';
import { AccountLookupView, AccountSearch } from '../AccountLookup';
import { EntityAwsAccess } from '../EntityAwsAccess';
import { RequestsView } from '../RequestsView';
import { TeamPicker } from '../TeamPicker';
import { awsAccessTranslationRef } from '../../translation';
import { PageTabs } from './PageTabs';

type MyAccess = ReturnType<typeof useEntityAccess>;

/** A team's display name for titles; the ref's name until the catalog has answered. */
function titleOf(ref: string, teams: Team[] | undefined): string {
  return teams?.find(t => t.ref === ref)?.title ?? parseEntityRef(ref).name;
}

/**
 * Teams and their access. Without a chosen team, a reader who holds roles lands on their
 * own access; one who holds none is asked to choose a team.
 */
function TeamsView({ mine }: { mine: MyAccess }) {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const chosen = searchParams.get('team') ?? undefined;
  const teams = useTeams();
  const landing =
    mine.value && mine.value.accounts.length > 0 ? SIGNED_IN_USER : undefined;
  const team = chosen ?? landing;

  let view: JSX.Element;
  if (team) {
    view = (
      <>
        <ContentHeader
          title={
            team === SIGNED_IN_USER
              ? t('page.myAccessTitle')
              : t('page.teamAccessTitle', {
                  team: titleOf(team, teams.value),
                })
          }
        />
        <EntityAwsAccess entityRef={team} />
      </>
    );
  } else if (mine.loading) {
    view = <Progress />;
  } else {
    view = (
      <EmptyState
        missing="info"
        title={t('page.chooseTeamTitle')}
        description={t('page.chooseTeamDescription')}
      />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={3}>
        <TeamPicker
          selected={team}
          teams={teams}
          onSelect={ref => setSearchParams({ team: ref })}
        />
      </Grid>
      <Grid item xs={12} md={9}>
        {view}
      </Grid>
    </Grid>
  );
}

function AccountRoute() {
  const { accountId = '' } = useParams();
  const [searchParams] = useSearchParams();
  return (
    <AccountLookupView
      accountId={accountId}
      organization={searchParams.get('organization') || undefined}
    />
  );
}

/** Find any account, or pick a team: everything but the requests. */
function AccountsView({ mine }: { mine: MyAccess }) {
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <AccountSearch />
      </Grid>
      <Grid item xs={12}>
        <Routes>
          <Route path="/" element={<TeamsView mine={mine} />} />
          <Route path="/accounts/:accountId" element={<AccountRoute />} />
        </Routes>
      </Grid>
    </Grid>
  );
}

/**
 * The `/aws-access` page: find any account, or pick a team and get its AWS accounts and
 * ready-made profiles. The chosen team lives in the URL (`?team=group:default/platform`)
 * and a looked-up account has its own (`/aws-access/accounts/605112784586`, with
 * `?organization=prod` when several organisations are served), so links can be shared.
 * Where an organisation offers temporary access, a tab leads to the requests
 * (`/aws-access/requests`, where the backend's notifications link).
 */
export function AwsAccessPage() {
  const { t } = useTranslationRef(awsAccessTranslationRef);
  // The reader's own access carries the portal's settings: whether requests are offered.
  const mine = useEntityAccess(SIGNED_IN_USER);
  const settings = mine.value?.settings;
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      {offersTemporaryAccess(settings) && <PageTabs />}
      <Content>
        <Routes>
          <Route
            path="/requests"
            element={<RequestsView settings={settings} />}
          />
          <Route path="/*" element={<AccountsView mine={mine} />} />
        </Routes>
      </Content>
    </Page>
  );
}
