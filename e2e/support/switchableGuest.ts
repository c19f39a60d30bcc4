import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { BackendInstance } from './backendInstance';

/** The user a Backstage token was issued to (its `sub` claim). */
export function tokenSubject(token: string): string {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')).sub;
}

/**
 * Who the guest provider signs in, changeable while one backend runs, so that two users
 * of one backend each get a token of their own without a restart. The backend reads
 * `auth.providers.guest` from a file of its own (`$include`); `yarn start` watches its
 * config files and what they include, and the guest provider reads its config at every
 * sign-in. Tokens already issued stay valid for their hour.
 */
export class SwitchableGuest {
  /** A config overlay for BackendInstance.start; put it after the others. */
  readonly overlay: string;
  private readonly file: string;

  constructor(initialUserRef: string) {
    this.file = join(
      mkdtempSync(join(tmpdir(), 'aws-access-guest-')),
      'guest.yaml',
    );
    this.write(initialUserRef);
    this.overlay = `auth:\n  providers:\n    guest:\n      $include: ${this.file}\n`;
  }

  /**
   * Makes `userRef` the guest, and returns a token of theirs once `backend` signs them in.
   * The user must be in the backend's catalog by then: a guest it cannot find gets a token
   * without their groups.
   */
  async tokenOf(backend: BackendInstance, userRef: string): Promise<string> {
    let token = '';
    let writtenAt = 0;
    await expect
      .poll(
        async () => {
          // A change made while the backend still reloads the previous one is never
          // seen: write again, once a second, until the backend signs them in.
          if (Date.now() - writtenAt >= 1000) {
            this.write(userRef);
            writtenAt = Date.now();
          }
          token = await backend.guestToken();
          return tokenSubject(token);
        },
        { timeout: 30_000, message: `the guest becomes ${userRef}` },
      )
      .toBe(userRef);
    return token;
  }

  private write(userRef: string) {
    writeFileSync(this.file, `userEntityRef: ${userRef}\n`);
  }
}
