import type { Duplex } from "node:stream";
import type { WebSocket } from "ws";
import { stageTimes } from "../diagnostics/stage-times.ts";
import { UnavailableError } from "../runtime/errors/errors.ts";
import type { FunctionRunner } from "../runtime/functions/function-runner.ts";
import type { SessionRequests } from "../storage/session-requests.ts";
import type { Store } from "../storage/store.ts";
import {
  ANONYMOUS,
  adminCaller,
  AuthenticationError,
  type AuthSource,
  type Caller,
  userCaller,
} from "../server/identity.ts";
import { decodeTs, encodeTs } from "../server/timestamps.ts";
import { normalizeArgs } from "../server/udf-routes.ts";
import {
  type ClientMessage,
  parseClientMessage,
  ProtocolError,
  type QuerySetModification,
} from "./messages.ts";
import { Outbox } from "./outbox.ts";
import { type QueryModification, QuerySet } from "./query-set.ts";
import type { SubscriptionIndex } from "./subscription-index.ts";
import { watchTokenExpiry } from "./token-expiry.ts";

type StateVersion = { querySet: number; identity: number; ts: string };

const HEARTBEAT_MS = 15_000;
/** What a sync session needs of the deployment. */
type SyncDeployment = AuthSource & {
  store: Store;
  call: FunctionRunner<unknown>["call"];
  sessionRequests: Pick<SessionRequests, "seen" | "track">;
  deployment: { onDeploy(listener: () => void): () => void };
};

/** A client heard from neither by message nor by pong for this long is gone. */
const CLIENT_SILENCE_MS = 120_000;
/** One WebSocket client of the sync protocol: its query set, identity, and ordered transitions. */
export class SyncSession {
  private readonly backend: SyncDeployment;
  private readonly socket: WebSocket;
  private readonly adminSecret: string | null;
  private sessionId = "";
  /** A request of this session ran before this connection: its requests may be re-sends. */
  private resumed = true;
  private caller: Caller = ANONYMOUS;
  private querySetVersion = 0;
  private identityVersion = 0;
  private sentTs = 0n;
  private clientClockSkew: number | null = null;
  private readonly queries: QuerySet;
  /** Transition-producing work, run strictly in order so versions chain. */
  private work: Promise<void> = Promise.resolve();
  private mutations: Promise<void> = Promise.resolve();
  private refreshQueued = false;
  /** Settles once the latest Authenticate has been verified. */
  private identityReady: Promise<void> = Promise.resolve();
  /** A mutation was answered; the client resolves it only on a later Transition. */
  private transitionOwed = false;
  private readonly unsubscribeDeploys: () => void;
  private readonly heartbeat: NodeJS.Timeout;
  private stopExpiryWatch: () => void = () => {};
  private lastHeardAt = Date.now();
  private closed = false;
  private readonly outbox: Outbox;

  /**
   * `transport` is the connection under the WebSocket: messages sent in one tick (a mutation's
   * response and the transition that follows it) leave in one write.
   */
  constructor(
    backend: SyncDeployment,
    subscriptions: SubscriptionIndex,
    socket: WebSocket,
    adminSecret: string | null,
    transport?: Duplex,
  ) {
    this.backend = backend;
    this.queries = new QuerySet(subscriptions, () => this.queueRefresh());
    this.socket = socket;
    this.outbox = new Outbox(socket, transport ?? null);
    this.adminSecret = adminSecret;
    this.unsubscribeDeploys = backend.deployment.onDeploy(() => {
      this.queries.markAllDirty();
      if (this.queries.size > 0) this.queueRefresh();
    });
    this.heartbeat = setInterval(() => {
      if (Date.now() - this.lastHeardAt >= CLIENT_SILENCE_MS) {
        socket.terminate();
        this.close();
        return;
      }
      if (socket.readyState === socket.OPEN) socket.ping();
      if (Date.now() - this.outbox.lastSentAt >= HEARTBEAT_MS) this.send({ type: "Ping" });
    }, HEARTBEAT_MS / 3);
    socket.on("pong", () => (this.lastHeardAt = Date.now()));
    socket.on("message", (data) => {
      this.lastHeardAt = Date.now();
      this.onMessage(String(data));
    });
    socket.on("close", () => this.close());
    socket.on("error", () => this.close());
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queries.close();
    this.unsubscribeDeploys();
    clearInterval(this.heartbeat);
    this.stopExpiryWatch();
  }

  private send(message: Record<string, unknown>): void {
    if (!this.closed) this.outbox.send(message);
  }

  /** A request that failed outside its function: the deployment's answer, or a protocol error. */
  private failed(e: unknown): void {
    if (e instanceof UnavailableError) {
      // As Convex does: close with "try again later"; the client reconnects and sends its requests again.
      this.socket.close(1013, e.code);
      this.close();
      return;
    }
    this.fatal(e instanceof Error ? e.message : String(e));
  }

  private fatal(error: string): void {
    this.send({ type: "FatalError", error });
    this.socket.close(1011, error.slice(0, 120));
    this.close();
  }

  private onMessage(text: string): void {
    let message: ClientMessage;
    try {
      const mark = stageTimes.start();
      message = parseClientMessage(text);
      stageTimes.end("decode", mark);
    } catch (e) {
      this.fatal(e instanceof Error ? e.message : String(e));
      return;
    }
    try {
      this.dispatch(message);
    } catch (e) {
      this.failed(e);
    }
  }

  private dispatch(message: ClientMessage): void {
    switch (message.type) {
      case "Connect": {
        this.sessionId = message.sessionId;
        this.resumed = this.backend.sessionRequests.seen(message.sessionId);
        this.clientClockSkew =
          typeof message.clientTs === "number" ? message.clientTs - Date.now() : null;
        if (
          message.maxObservedTimestamp &&
          decodeTs(message.maxObservedTimestamp) > this.backend.store.latestTs()
        ) {
          throw new ProtocolError("Client has observed a timestamp ahead of the backend");
        }
        return;
      }
      case "ModifyQuerySet":
        if (
          message.baseVersion !== this.querySetVersion ||
          message.newVersion <= message.baseVersion
        ) {
          throw new ProtocolError(
            `BaseVersionMismatch: expected base version ${this.querySetVersion}, got ${message.baseVersion}`,
          );
        }
        this.querySetVersion = message.newVersion;
        this.enqueue(() => this.modifyQuerySet(message.newVersion, message.modifications));
        return;
      case "Authenticate":
        if (message.baseVersion !== this.identityVersion) {
          throw new ProtocolError(
            `Identity base version mismatch: expected ${this.identityVersion}, got ${message.baseVersion}`,
          );
        }
        this.identityVersion++;
        {
          const verified = this.verifyCaller(message);
          this.identityReady = verified.then(() => undefined);
          this.enqueue(() => this.authenticate(message, verified));
        }
        return;
      case "Mutation": {
        // Requests run as whoever the client authenticated as before sending them.
        const ready = this.identityReady;
        const previous = this.mutations;
        // Running from receipt: a connection that starts meanwhile treats its requests as re-sends.
        this.mutations = this.backend.sessionRequests
          .track(this.sessionId, () =>
            previous.then(() => ready).then(() => this.runMutation(message)),
          )
          .catch((e: unknown) => this.failed(e));
        return;
      }
      case "Action":
        this.identityReady
          .then(() => this.runAction(message))
          .catch((e: unknown) => this.failed(e));
        return;
      case "Event":
        return;
    }
  }

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((e: unknown) => this.failed(e));
  }

  private async modifyQuerySet(
    newVersion: number,
    modifications: QuerySetModification[],
  ): Promise<void> {
    const start = this.version();
    if (!this.caller.isAdmin && modifications.some((m) => m.type === "Add" && m.componentPath)) {
      throw new ProtocolError(
        "Only admin or system users can call functions on non-root components directly",
      );
    }
    const removed = this.queries.modify(modifications);
    await this.transition(start, { ...this.version(), querySet: newVersion }, removed);
  }

  /** Verifies the new credentials right away and adopts them, so later requests see them. */
  private verifyCaller(
    message: Extract<ClientMessage, { type: "Authenticate" }>,
  ): Promise<Caller | AuthenticationError> {
    const verify = async (): Promise<Caller> => {
      if (message.tokenType === "None") return ANONYMOUS;
      if (message.tokenType === "Admin") {
        return adminCaller(
          this.backend,
          message.value,
          message.impersonating ?? message.actingAs,
          this.adminSecret,
        );
      }
      return await userCaller(this.backend, message.value);
    };
    return verify().then(
      (caller) => {
        this.caller = caller;
        this.stopExpiryWatch();
        if (caller.token !== null)
          this.stopExpiryWatch = watchTokenExpiry(caller.token, () => this.tokenExpired());
        return caller;
      },
      (e: unknown) => (e instanceof AuthenticationError ? e : new AuthenticationError(String(e))),
    );
  }

  private async authenticate(
    message: Extract<ClientMessage, { type: "Authenticate" }>,
    verified: Promise<Caller | AuthenticationError>,
  ): Promise<void> {
    const start = this.version();
    const newIdentityVersion = start.identity + 1;
    const result = await verified;
    if (result instanceof AuthenticationError) {
      this.send({
        type: "AuthError",
        error: result.message,
        baseVersion: message.baseVersion,
        authUpdateAttempted: true,
      });
      this.socket.close(1000, "AuthError");
      this.close();
      return;
    }
    this.queries.markAllDirty();
    await this.transition(start, { ...start, identity: newIdentityVersion }, []);
  }

  /** As Convex does: an AuthError the client answers by fetching a fresh token, then the close. */
  private tokenExpired(): void {
    this.send({
      type: "AuthError",
      error: "Convex token identity expired",
      baseVersion: this.sentIdentity,
      authUpdateAttempted: false,
    });
    this.socket.close(1000, "AuthError");
    this.close();
  }

  private version(): StateVersion {
    return { querySet: this.sentQuerySet, identity: this.sentIdentity, ts: encodeTs(this.sentTs) };
  }

  private sentQuerySet = 0;
  private sentIdentity = 0;

  /** Re-runs dirty queries until a consistent round, then sends one Transition. */
  private async transition(
    start: StateVersion,
    end: StateVersion,
    removed: number[],
  ): Promise<void> {
    const modifications: QueryModification[] = removed.map((queryId) => ({
      type: "QueryRemoved",
      queryId,
    }));
    const changed = await this.queries.refresh((q) =>
      this.backend.call("query", {
        udfPath: q.udfPath,
        args: q.args,
        identity: this.caller.identity,
        isAdmin: this.caller.isAdmin,
        componentPath: q.componentPath,
        journal: q.journal,
      }),
    );
    modifications.push(...changed);
    const ts = this.backend.store.latestTs();
    this.sentTs = ts > this.sentTs ? ts : this.sentTs;
    this.sentQuerySet = end.querySet;
    this.sentIdentity = end.identity;
    this.send({
      type: "Transition",
      startVersion: start,
      endVersion: { querySet: end.querySet, identity: end.identity, ts: encodeTs(this.sentTs) },
      modifications,
      clientClockSkew: this.clientClockSkew,
      serverTs: Date.now() * 1_000_000,
    });
  }

  private queueRefresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    this.enqueue(async () => {
      this.refreshQueued = false;
      const needed = this.queries.hasDirty || this.transitionOwed;
      if (!needed) return;
      this.transitionOwed = false;
      const start = this.version();
      await this.transition(start, { ...start }, []);
    });
  }

  private async runMutation(message: Extract<ClientMessage, { type: "Mutation" }>): Promise<void> {
    if (message.componentPath && !this.caller.isAdmin) {
      this.send({
        type: "MutationResponse",
        requestId: message.requestId,
        success: false,
        result: "Only admin or system users can call functions on non-root components directly",
        ts: null,
        logLines: [],
      });
      return;
    }
    const outcome = await this.backend.call("mutation", {
      udfPath: message.udfPath,
      args: normalizeArgs(message.args),
      identity: this.caller.identity,
      isAdmin: this.caller.isAdmin,
      componentPath: message.componentPath,
      mutationKey: this.sessionId
        ? { sessionId: this.sessionId, requestId: message.requestId, mayBeResent: this.resumed }
        : undefined,
    });
    if (outcome.status === "success") {
      const ts = outcome.ts ?? this.backend.store.latestTs();
      this.send({
        type: "MutationResponse",
        requestId: message.requestId,
        success: true,
        result: outcome.value,
        ts: encodeTs(ts),
        logLines: outcome.logLines,
      });
      this.transitionOwed = true;
      this.queueRefresh();
    } else {
      this.send({
        type: "MutationResponse",
        requestId: message.requestId,
        success: false,
        result: outcome.errorMessage,
        ts: null,
        logLines: outcome.logLines,
        ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
      });
    }
  }

  private async runAction(message: Extract<ClientMessage, { type: "Action" }>): Promise<void> {
    const outcome = await this.backend.call("action", {
      udfPath: message.udfPath,
      args: normalizeArgs(message.args),
      identity: this.caller.identity,
      isAdmin: this.caller.isAdmin,
      componentPath: message.componentPath,
    });
    if (outcome.status === "success") {
      this.send({
        type: "ActionResponse",
        requestId: message.requestId,
        success: true,
        result: outcome.value,
        logLines: outcome.logLines,
      });
    } else {
      this.send({
        type: "ActionResponse",
        requestId: message.requestId,
        success: false,
        result: outcome.errorMessage,
        logLines: outcome.logLines,
        ...(outcome.errorData !== undefined ? { errorData: outcome.errorData } : {}),
      });
    }
  }
}
