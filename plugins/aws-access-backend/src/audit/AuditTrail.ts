import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { JsonObject } from '@backstage/types';
import { Request, RequestHandler } from 'express';

/** One audited operation: what it is and what it is about. */
export interface AuditedOperation {
  /** kebab-case, without the plugin id: `download`, `access-request`, `action`. */
  eventId: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** The HTTP request; the auditor takes the actor, IP and user agent from it. */
  request?: Request;
  meta: JsonObject;
}

/**
 * Records downloads, access requests and action calls through Backstage's auditor: each
 * as an initiated event, then a succeeded or failed one with the error.
 */
export class AuditTrail {
  constructor(
    private readonly auditor: AuditorService,
    private readonly auth: Pick<AuthService, 'isPrincipal'>,
  ) {}

  /**
   * Runs `work` as one audited operation; what it resolves to is added to the event's
   * metadata on success.
   */
  async run(
    operation: AuditedOperation,
    work: () => Promise<JsonObject | void>,
  ): Promise<void> {
    const event = await this.auditor.createEvent(operation);
    let meta: JsonObject | void;
    try {
      meta = await work();
    } catch (error) {
      await event.fail({ error: error as Error });
      throw error;
    }
    await event.success(meta ? { meta } : undefined);
  }

  /**
   * A route handler recorded as an audit event; the handler may resolve to metadata
   * learned on the way (the entity a `me` resolved to, the team notified).
   */
  route(
    describe: (req: Request) => Omit<AuditedOperation, 'request'>,
    handler: (
      req: Request,
      res: Parameters<RequestHandler>[1],
    ) => Promise<JsonObject | void>,
  ): RequestHandler {
    return async (req, res) => {
      await this.run({ ...describe(req), request: req }, () =>
        handler(req, res),
      );
    };
  }

  /**
   * The actions registry with every action registered through it audited: who called
   * it (actions carry credentials, not a request), with which input, and the entity
   * it answered for.
   */
  actions(registry: ActionsRegistryService): ActionsRegistryService {
    return {
      register: options =>
        registry.register({
          ...options,
          action: context =>
            this.runAction(options.name, context, () =>
              options.action(context),
            ),
        }),
    };
  }

  private async runAction<T>(
    name: string,
    context: { input: JsonObject; credentials: BackstageCredentials },
    action: () => Promise<T>,
  ): Promise<T> {
    let result: T | undefined;
    await this.run(
      {
        eventId: 'action',
        meta: {
          actionName: name,
          actor: this.actorOf(context.credentials) ?? null,
          input: context.input,
        },
      },
      async () => {
        result = await action();
        const output = (result as { output?: { entityRef?: unknown } })?.output;
        return typeof output?.entityRef === 'string'
          ? { entityRef: output.entityRef }
          : undefined;
      },
    );
    return result as T;
  }

  private actorOf(credentials: BackstageCredentials): string | undefined {
    if (this.auth.isPrincipal(credentials, 'user')) {
      return credentials.principal.userEntityRef;
    }
    if (this.auth.isPrincipal(credentials, 'service')) {
      return credentials.principal.subject;
    }
    return undefined;
  }
}
