import { expect } from '@playwright/test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { test } from '../support/sharedBackends';

/*
 * AWS Access's actions through the MCP actions backend of the example backend, called by
 * a real MCP client over HTTP with a guest's Backstage token: once on the portal's backend
 * (allowed), once on a backend whose policy denies 'aws-access.read' to the guest (shared
 * with permissionDenied.spec.ts, see support/sharedBackends.ts).
 */

const PORTAL = 'http://localhost:7007';

/** The app may be served before the portal's backend answers: wait for it. */
async function backendReady(baseUrl: string) {
  await expect
    .poll(
      async () =>
        (
          await fetch(`${baseUrl}/api/aws-access/health`).catch(() => undefined)
        )?.status,
      { timeout: 120_000 },
    )
    .toBe(200);
}

async function guestToken(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  const body = (await res.json()) as { backstageIdentity: { token: string } };
  return body.backstageIdentity.token;
}

async function connect(baseUrl: string, token: string): Promise<Client> {
  const client = new Client({ name: 'aws-access-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      },
    ),
  );
  return client;
}

/** The tool whose name ends with the action's name, whatever namespace the server adds. */
async function toolNamed(client: Client, action: string): Promise<string> {
  const { tools } = await client.listTools();
  const tool = tools.find(t => t.name.endsWith(action));
  expect(
    tool,
    `a tool for '${action}' among ${tools.map(t => t.name)}`,
  ).toBeTruthy();
  return tool!.name;
}

async function call(client: Client, action: string, args: object) {
  const result = await client.callTool({
    name: await toolNamed(client, action),
    arguments: args as Record<string, unknown>,
  });
  const text = (result.content as Array<{ type: string; text?: string }>)
    .filter(c => c.type === 'text')
    .map(c => c.text)
    .join('\n');
  return { isError: Boolean(result.isError), text };
}

test.describe('actions for assistants over MCP', () => {
  test.setTimeout(180_000);

  test('an assistant looks up an account, lists a team and renders the caller’s config', async () => {
    await backendReady(PORTAL);
    const token = await guestToken(PORTAL);
    // Whom to ask comes from the catalog, which a fresh backend fills shortly after start.
    await expect
      .poll(
        async () =>
          (
            await fetch(
              `${PORTAL}/api/catalog/entities/by-name/group/default/payments`,
              { headers: { authorization: `Bearer ${token}` } },
            )
          ).status,
        { timeout: 120_000 },
      )
      .toBe(200);
    const client = await connect(PORTAL, token);
    try {
      const lookup = await call(client, 'lookup-aws-account', {
        query: 'arn:aws:iam::605112784586:role/deploy',
      });
      expect(lookup.isError).toBe(false);
      const found = JSON.parse(lookup.text);
      expect(found.accounts).toEqual([
        expect.objectContaining({
          organization: 'default',
          id: '605112784586',
          matchedBy: 'id',
        }),
      ]);
      expect(found.organizations).toEqual([{ id: 'default', title: 'sikt' }]);
      expect(found.account.teams.default).toEqual(
        expect.objectContaining({ payments: 'group:default/payments' }),
      );
      // The guest is in platform, not payments.
      expect(found.account.myRoles).toEqual([]);

      const team = await call(client, 'list-aws-access', {
        entityRef: 'group:default/payments',
      });
      expect(team.isError).toBe(false);
      expect(
        JSON.parse(team.text).accounts.map((a: { id: string }) => a.id),
      ).toEqual(['605112784302', '605112784586', '605112784419']);

      const config = await call(client, 'render-aws-config', {
        entityRef: 'me',
      });
      expect(config.isError).toBe(false);
      const text = JSON.parse(config.text).config as string;
      expect(text).toContain('[sso-session sikt]');
      expect(text).toContain('sso_account_id = 318204556245');
      expect(text).not.toContain('605112784586');

      const bad = await call(client, 'list-aws-access', { entityRef: 'kind:' });
      expect(bad.isError).toBe(true);
      expect(bad.text).toContain('Malformed entity ref');
    } finally {
      await client.close();
    }
  });

  test('a caller the policy denies gets an error, never data', async ({
    deniedGuestBackend: denying,
  }) => {
    const client = await connect(
      denying.baseUrl,
      await guestToken(denying.baseUrl),
    );
    try {
      for (const [action, args] of [
        ['lookup-aws-account', { query: '605112784586' }],
        ['list-aws-access', { entityRef: 'group:default/payments' }],
        ['render-aws-config', { entityRef: 'me' }],
      ] as const) {
        const result = await call(client, action, args);
        expect(result.isError).toBe(true);
        expect(result.text).toContain("permission 'aws-access.read'");
        expect(result.text).not.toContain('605112784');
      }
    } finally {
      await client.close();
    }
  });
});
