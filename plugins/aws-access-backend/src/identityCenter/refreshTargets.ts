/**
 * What an event asks to re-read. Each target maps to one part of the snapshot, so bursts
 * of events for the same target collapse into one read.
 */
export type RefreshTarget =
  | {
      kind: 'principal';
      principalType: 'GROUP' | 'USER';
      principalId: string;
      /**
       * The assignment the event created or deleted. Assignment calls return while the
       * change is still in progress; the refresh reads again until the listing shows it.
       */
      expect?: {
        accountId: string;
        permissionSetArn: string;
        present: boolean;
      };
    }
  | { kind: 'permissionSet'; arn: string }
  | { kind: 'groups' }
  | { kind: 'accounts' };

/** The key under which requests for the same target coalesce. */
export function targetKey(target: RefreshTarget): string {
  switch (target.kind) {
    case 'principal':
      return `principal:${target.principalType}:${target.principalId}`;
    case 'permissionSet':
      return `permissionSet:${target.arn}`;
    default:
      return target.kind;
  }
}
