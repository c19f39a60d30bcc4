import { AccessGrant } from '@aws-access/backstage-plugin-aws-access-common';

/** The Requests view's sections, each newest first as the backend sends them. */
export interface GrantSections {
  /** Requests the reader may approve or deny now. */
  toApprove: AccessGrant[];
  /** The reader's own requests. */
  mine: AccessGrant[];
  /** Other requests the reader sees as an approver: decided, active, closed. */
  others: AccessGrant[];
}

/** Sorts the grants the backend listed for `me` into the view's sections. */
export function grantSections(
  grants: AccessGrant[],
  me: string | undefined,
): GrantSections {
  const sections: GrantSections = { toApprove: [], mine: [], others: [] };
  for (const grant of grants) {
    if (grant.actions.includes('approve') || grant.actions.includes('deny')) {
      sections.toApprove.push(grant);
    } else if (grant.requester === me) {
      sections.mine.push(grant);
    } else {
      sections.others.push(grant);
    }
  }
  return sections;
}

/**
 * Whole minutes until `expiresAt`, rounded up so that a grant shows "1 minute left" until
 * it ends; 0 once past, undefined without an expiry.
 */
export function minutesLeft(
  expiresAt: string | undefined,
  now: number,
): number | undefined {
  if (!expiresAt) {
    return undefined;
  }
  const left = Date.parse(expiresAt) - now;
  return Number.isNaN(left) ? undefined : Math.max(0, Math.ceil(left / 60_000));
}
