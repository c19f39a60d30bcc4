import {
  AuthService,
  coreServices,
  createServiceFactory,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import {
  AuditorEvent,
  DefaultAuditorService,
} from '@backstage/backend-defaults/auditor';

/**
 * Backstage's own auditor (it finds the actor in the request's credentials), writing its
 * events to a list instead of the log.
 */
export function recordingAuditor() {
  const events: AuditorEvent[] = [];
  const record = (event: AuditorEvent) => {
    events.push(event);
  };
  return {
    events,
    /** The auditor for a plugin wired by hand, as the action tests do. */
    create: (deps: { auth: AuthService; httpAuth: HttpAuthService }) =>
      DefaultAuditorService.create(record, {
        ...deps,
        plugin: { getId: () => 'aws-access' },
      }),
    /** The auditor service of a test backend. */
    factory: createServiceFactory({
      service: coreServices.auditor,
      deps: {
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        plugin: coreServices.pluginMetadata,
      },
      factory: deps => DefaultAuditorService.create(record, deps),
    }),
  };
}
