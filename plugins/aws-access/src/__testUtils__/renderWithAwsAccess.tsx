import {
  MockFetchApi,
  TestApiProvider,
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { SetupServer, setupServer } from 'msw/node';
import { ComponentProps, ReactNode } from 'react';
import { AwsAccessClient, awsAccessApiRef } from '../api';
import { rootRouteRef } from '../routes';

/** Where the mocked discovery API puts the aws-access backend. */
export const AWS_ACCESS_API = 'http://example.com/api/aws-access';

/**
 * An msw server for one test file, started and reset around each test; requests nothing
 * handles fail the test.
 */
export function setupAwsAccessServer(): SetupServer {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** Answers GET `AWS_ACCESS_API + path` with JSON, for each entry. */
export function serveJson(
  server: SetupServer,
  routes: Record<string, JsonBodyType>,
) {
  server.use(
    ...Object.entries(routes).map(([path, body]) =>
      http.get(`${AWS_ACCESS_API}${path}`, () => HttpResponse.json(body)),
    ),
  );
}

/** An error response as a Backstage backend sends it: `{ error, request, response }`. */
export function backstageError(
  status: number,
  error: { name: string; message: string },
  request: { method: string; url: string },
) {
  return HttpResponse.json(
    { error, request, response: { statusCode: status } },
    { status },
  );
}

type Apis = ComponentProps<typeof TestApiProvider>['apis'];

/**
 * Renders `children` in a test app whose AWS Access API is the real client, talking
 * through msw, with a Backstage token; `apis` adds or replaces others.
 */
export function renderWithAwsAccess(
  children: ReactNode,
  options: { apis?: Apis; routeEntries?: string[] } = {},
) {
  const client = new AwsAccessClient({
    discoveryApi: mockApis.discovery(),
    fetchApi: new MockFetchApi({ injectIdentityAuth: { token: 'user-token' } }),
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[[awsAccessApiRef, client], ...(options.apis ?? [])]}
    >
      {children}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/aws-access': rootRouteRef,
      },
    },
  );
}
