import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockErrorApi, mockApis } from '@backstage/test-utils';
import { errorApiRef, storageApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import {
  freshStatus,
  myAccess,
  platformAccess,
} from '../../__testUtils__/fixtures';
import {
  AWS_ACCESS_API as BASE,
  renderWithAwsAccess,
  serveJson,
  setupAwsAccessServer,
} from '../../__testUtils__/renderWithAwsAccess';
import { EntityAwsAccess } from '../EntityAwsAccess';

// Whole-app renders with lazily loaded syntax highlighting are slow on a busy machine.
jest.setTimeout(30_000);

const server = setupAwsAccessServer();

const SCRIPT = '#!/bin/sh\n# the setup script\n';

/** The files offered for download: the names clicked and the blobs made. */
function captureDownloads() {
  const names: string[] = [];
  const blobs: Blob[] = [];
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    },
    revokeObjectURL: () => {},
  });
  jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(function capture(this: HTMLAnchorElement) {
      names.push(this.download);
    });
  return { names, texts: () => Promise.all(blobs.map(b => b.text())) };
}

async function renderView(
  storage = mockApis.storage(),
  errorApi = new MockErrorApi(),
) {
  const requests: URL[] = [];
  serveJson(server, {
    '/status': freshStatus,
    '/entities/group/default/platform/accounts': platformAccess,
    '/me/accounts': myAccess,
  });
  server.use(
    http.get(
      `${BASE}/entities/group/default/platform/setup-script`,
      ({ request }) => {
        requests.push(new URL(request.url));
        return new HttpResponse(SCRIPT, {
          headers: { 'Content-Type': 'text/x-shellscript; charset=utf-8' },
        });
      },
    ),
  );
  await renderWithAwsAccess(
    <EntityAwsAccess entityRef="group:default/platform" />,
    {
      apis: [
        [storageApiRef, storage],
        [errorApiRef, errorApi],
      ],
    },
  );
  return { requests, storage };
}

afterEach(() => jest.restoreAllMocks());

describe('Set up this machine', () => {
  it('downloads the setup script and shows the one command that runs it', async () => {
    const downloads = captureDownloads();
    const { requests } = await renderView();
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Set up this machine' },
        { timeout: 15_000 },
      ),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Set up this machine',
    });
    expect(dialog).toHaveTextContent('sh setup-aws-access.sh');
    expect(dialog).toHaveTextContent('--dry-run');
    expect(dialog).toHaveTextContent('--replace-mine');
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0].searchParams)).toEqual({
      region: 'eu-north-1',
      variant: 'sso-session',
    });
    expect(downloads.names).toEqual(['setup-aws-access.sh']);
    expect(await downloads.texts()).toEqual([SCRIPT]);
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Close' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('shows the backend error instead of a dialog when the script cannot be made', async () => {
    captureDownloads();
    const errorApi = new MockErrorApi({ collect: true });
    await renderView(undefined, errorApi);
    server.use(
      http.get(`${BASE}/entities/group/default/platform/setup-script`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                "You are not allowed to see AWS access (permission 'aws-access.read')",
            },
            request: { method: 'GET', url: '/' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await userEvent.click(
      await screen.findByRole(
        'button',
        { name: 'Set up this machine' },
        { timeout: 15_000 },
      ),
    );
    await waitFor(() => expect(errorApi.getErrors()).toHaveLength(1));
    const { error } = errorApi.getErrors()[0];
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).body.error.message).toBe(
      "You are not allowed to see AWS access (permission 'aws-access.read')",
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('I work on a remote machine', () => {
  it('is kept in the settings and switches every login command and the scripts to the device code', async () => {
    captureDownloads();
    const { requests, storage } = await renderView();
    const checklist = await screen.findByText(
      'Onboarding checklist',
      {},
      { timeout: 15_000 },
    );
    const card = checklist.closest('.MuiCard-root') as HTMLElement;
    await waitFor(() =>
      expect(card).toHaveTextContent('aws sso login --sso-session sikt'),
    );
    expect(card).not.toHaveTextContent(
      'aws sso login --sso-session sikt --use-device-code',
    );

    await userEvent.click(
      screen.getByRole('checkbox', {
        name: 'I work on a remote machine (SSH, container, WSL)',
      }),
    );
    expect(storage.forBucket('aws-access').snapshot('remoteSignIn').value).toBe(
      true,
    );
    await waitFor(() =>
      expect(card).toHaveTextContent(
        'aws sso login --sso-session sikt --use-device-code',
      ),
    );
    const expired = screen.getByRole('region', {
      name: 'Token has expired, or "Error loading SSO Token"',
    });
    expect(expired).toHaveTextContent(
      'aws sso login --sso-session sikt --use-device-code',
    );

    await userEvent.click(
      screen.getByText('CLI steps for platform-dev-PowerUserAccess'),
    );
    expect(
      await screen.findByText('aws configure sso --use-device-code'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Set up this machine' }),
    );
    await screen.findByRole('dialog');
    expect(requests[0].searchParams.get('remote')).toBe('true');
  });

  it('is explained in troubleshooting, with aws login and mixed profiles', async () => {
    await renderView();
    const remote = await screen.findByRole(
      'region',
      {
        name: 'Sign-in fails on a remote machine: SSH, a container, WSL or a host without a browser',
      },
      { timeout: 15_000 },
    );
    expect(remote).toHaveTextContent('Since AWS CLI 2.22');
    expect(remote).toHaveTextContent('127.0.0.1');
    expect(remote).toHaveTextContent(
      'aws sso login --sso-session sikt --use-device-code',
    );
    expect(remote).toHaveTextContent(
      'Older CLIs use the device code by default',
    );
    expect(
      screen.getByRole('region', {
        name: '"aws login" is not Identity Center sign-in',
      }),
    ).toHaveTextContent('IAM console credentials');
    expect(
      screen.getByRole('region', {
        name: 'A profile mixes sso_session with sso_start_url or sso_region',
      }),
    ).toHaveTextContent('is inconsistent between profile');
  });
});
