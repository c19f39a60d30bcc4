import { permissionSetKey, principalKey } from '../snapshot/snapshotParts';

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
      /**
       * The catalog User a USER principal stands for, when the snapshot may not list it
       * yet: a temporary grant to someone with no direct assignments until now.
       */
      catalogRef?: string;
    }
  | { kind: 'permissionSet'; arn: string }
  | { kind: 'groups' }
  | { kind: 'accounts' };

/** The key under which requests for the same target coalesce: the key of its snapshot part. */
export function targetKey(target: RefreshTarget): string {
  if (target.kind === 'principal') {
    return principalKey(target.principalType, target.principalId);
  }
  return target.kind === 'permissionSet'
    ? permissionSetKey(target.arn)
    : target.kind;
}
