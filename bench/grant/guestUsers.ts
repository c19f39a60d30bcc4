import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackendInstance } from '../../e2e/support/backendInstance';
import { tokenSubject } from '../../e2e/support/switchableGuest';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Tokens for many users of one running backend, through the guest provider: it signs in
 * whoever a watched, included config file names (as e2e/support/switchableGuest.ts does).
 * A change written while the config loader is still re-reading the previous one can go
 * unseen, so the name is written again until the backend signs that user in.
 */
export class GuestUsers {
  /** A config overlay for BackendInstance.start; put it after the others. */
  readonly overlay: string;
  private readonly file: string;

  constructor(initialUserRef: string) {
    this.file = join(
      mkdtempSync(join(tmpdir(), 'aws-access-grant-guest-')),
      'guest.yaml',
    );
    writeFileSync(this.file, `userEntityRef: ${initialUserRef}\n`);
    this.overlay = `auth:\n  providers:\n    guest:\n      $include: ${this.file}\n`;
  }

  /** A token of `userRef`'s, who must be in the backend's catalog by then. */
  async tokenOf(backend: BackendInstance, userRef: string): Promise<string> {
    for (let attempt = 0; attempt < 30; attempt++) {
      writeFileSync(this.file, `userEntityRef: ${userRef}\n`);
      for (let poll = 0; poll < 10; poll++) {
        const token = await backend.guestToken();
        if (tokenSubject(token) === userRef) {
          return token;
        }
        await sleep(100);
      }
    }
    throw new Error(`The guest provider never signed in ${userRef}`);
  }
}
