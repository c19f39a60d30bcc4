import {
  AccountMatch,
  AccountSearchHit,
  AwsAccountAccess,
  accountIdInText,
} from '@aws-access/backstage-plugin-aws-access-common';
import { AccessSnapshot } from '../snapshot/types';
import { accountOrder } from './AccessCollector';
import {
  OrganizationSnapshotRef,
  accountAccessOfEveryone,
} from './accountAccess';

interface RankedHit {
  rank: number;
  hit: AccountSearchHit;
}

interface Entry {
  access: AwsAccountAccess;
  lowerName: string;
  lowerRoles: string[];
  hit: Omit<AccountSearchHit, 'matchedBy'>;
}

interface LookupIndex {
  /** Every account, by name then id: accounts nobody holds a role in included. */
  entries: Entry[];
  byId: Map<string, Entry>;
  /** Ranked hits per normalised query; bounded, as queries come from anyone. */
  searches: Map<string, RankedHit[]>;
}

const MAX_SEARCHES_PER_SNAPSHOT = 1000;

const indexes = new WeakMap<AccessSnapshot, LookupIndex>();

const lower = (text: string) => text.toLocaleLowerCase('en-US');

/** The accounts of one snapshot ready to search, built on first use and dropped with it. */
function indexOf(ref: OrganizationSnapshotRef): LookupIndex {
  const { snapshot, organization } = ref;
  let index = indexes.get(snapshot);
  if (!index) {
    const access = new Map(accountAccessOfEveryone(ref).map(a => [a.id, a]));
    // Accounts without assignments are still worth finding: "nobody has access" is an answer.
    for (const account of snapshot.accounts) {
      if (!access.has(account.id)) {
        access.set(account.id, {
          organization: organization.id,
          id: account.id,
          name: account.name,
          ...(account.environment && { environment: account.environment }),
          ...(account.region && { region: account.region }),
          roles: [],
        });
      }
    }
    const entries = [...access.values()].sort(accountOrder).map(a => ({
      access: a,
      lowerName: lower(a.name),
      lowerRoles: a.roles.map(r => lower(r.name)),
      hit: {
        organization: organization.id,
        id: a.id,
        name: a.name,
        ...(a.environment && { environment: a.environment }),
        roles: a.roles.map(r => r.name),
      },
    }));
    index = {
      entries,
      byId: new Map(entries.map(e => [e.access.id, e])),
      searches: new Map(),
    };
    indexes.set(snapshot, index);
  }
  return index;
}

/** How well an account matches a lower-case needle: lower is better, undefined is no match. */
function rankOf(
  entry: Entry,
  needle: string,
): { rank: number; matchedBy: AccountMatch } | undefined {
  if (/^\d+$/.test(needle) && entry.access.id.startsWith(needle)) {
    return { rank: 1, matchedBy: 'id' };
  }
  if (entry.lowerName === needle) return { rank: 0, matchedBy: 'name' };
  if (entry.lowerName.startsWith(needle)) return { rank: 2, matchedBy: 'name' };
  if (entry.lowerName.includes(needle)) return { rank: 3, matchedBy: 'name' };
  if (entry.lowerRoles.includes(needle)) {
    return { rank: 4, matchedBy: 'permissionSet' };
  }
  if (entry.lowerRoles.some(r => r.includes(needle))) {
    return { rank: 5, matchedBy: 'permissionSet' };
  }
  return undefined;
}

function rankedHits(index: LookupIndex, query: string): RankedHit[] {
  const id = accountIdInText(query);
  if (id !== undefined) {
    const entry = index.byId.get(id);
    return entry ? [{ rank: 0, hit: { ...entry.hit, matchedBy: 'id' } }] : [];
  }
  const needle = lower(query.trim());
  const ranked: Array<{ rank: number; hit: AccountSearchHit }> = [];
  // Entries are in name order and the sort is stable: equal ranks stay by name.
  for (const entry of index.entries) {
    const match = rankOf(entry, needle);
    if (match) {
      ranked.push({
        rank: match.rank,
        hit: { ...entry.hit, matchedBy: match.matchedBy },
      });
    }
  }
  return ranked.sort((a, b) => a.rank - b.rank);
}

function cachedHits(index: LookupIndex, query: string): RankedHit[] {
  const key = lower(query.trim());
  let hits = index.searches.get(key);
  if (!hits) {
    hits = rankedHits(index, query);
    if (index.searches.size >= MAX_SEARCHES_PER_SNAPSHOT) {
      index.searches.clear();
    }
    index.searches.set(key, hits);
  }
  return hits;
}

/**
 * The accounts that match a query in every organisation, best first: the account an id
 * (or an ARN or message holding one) names; else ids starting with the digits typed,
 * names equal to, starting with or containing the text, and accounts where a permission
 * set of that name is assigned. Queries are compared ignoring case and surrounding space;
 * equal ranks are in name order, then organisation.
 */
export function searchAccounts(
  snapshots: OrganizationSnapshotRef[],
  query: string,
  page: { offset: number; limit: number },
): { items: AccountSearchHit[]; totalCount: number } {
  const perOrganization = snapshots.map(s => cachedHits(indexOf(s), query));
  const hits =
    perOrganization.length === 1
      ? perOrganization[0]
      : perOrganization
          .flat()
          .sort((a, b) => a.rank - b.rank || accountOrder(a.hit, b.hit));
  return {
    items: hits.slice(page.offset, page.offset + page.limit).map(h => h.hit),
    totalCount: hits.length,
  };
}

/**
 * The account with this id in each organisation that knows it (one, unless account ids
 * repeat across organisations), with every role assigned in it and the groups granting
 * each. Callers must not modify the result.
 */
export function lookupAccount(
  snapshots: OrganizationSnapshotRef[],
  accountId: string,
): AwsAccountAccess[] {
  return snapshots.flatMap(s => {
    const entry = indexOf(s).byId.get(accountId);
    return entry ? [entry.access] : [];
  });
}

/**
 * One page of every account of every organisation, each organisation's accounts in name
 * order, accounts nobody holds a role in included. Callers must not modify the result.
 */
export function listAccounts(
  snapshots: OrganizationSnapshotRef[],
  page: { offset: number; limit: number },
): { items: AwsAccountAccess[]; totalCount: number } {
  const entries = snapshots.flatMap(s => indexOf(s).entries);
  return {
    items: entries
      .slice(page.offset, page.offset + page.limit)
      .map(e => e.access),
    totalCount: entries.length,
  };
}
