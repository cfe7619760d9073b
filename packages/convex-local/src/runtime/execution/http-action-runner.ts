import { randomId } from "../../ids/request-id.ts";
import type { CodeRegistry } from "../functions/code-registry.ts";
import { failedOutcome, httpActionErrorBody } from "../errors/errors.ts";
import { timeoutMessage, withTimeout } from "./execution-timeout.ts";
import { frames } from "./frame.ts";
import type { UserIdentity } from "../functions/function-types.ts";
import { realNow } from "../environment/globals.ts";
import type { FunctionLogs } from "./logs.ts";
import type { Transactions } from "./transactions.ts";
import { failOnUncaught } from "../errors/uncaught-errors.ts";

/** Routes requests through the deployment's `http.js` routers (and mounted components') to HTTP actions. */
export class HttpActionRunner {
  private readonly registry: CodeRegistry;
  private readonly transactions: Transactions;
  private readonly logs: FunctionLogs;

  constructor(registry: CodeRegistry, transactions: Transactions, logs: FunctionLogs) {
    this.registry = registry;
    this.transactions = transactions;
    this.logs = logs;
  }

  async run(
    request: Request,
    identity: UserIdentity | null,
    authError?: string,
  ): Promise<Response> {
    const url = new URL(request.url);
    const mount = this.registry.httpMount(url.pathname);
    const component = mount?.component ?? "";
    const routedPath = mount ? `/${url.pathname.slice(mount.prefix.length)}` : url.pathname;
    const router = this.registry.modulesFor(component)?.http;
    const method = request.method === "HEAD" ? "GET" : request.method;
    const match = router?.lookup(routedPath, method);
    if (!match) return new Response("No matching routes found", { status: 404 });
    const [handler] = match;
    const requestId = randomId();
    const frame = this.transactions.newFrame(
      "action",
      component,
      `${method} ${routedPath}`,
      identity,
      requestId,
    );
    frame.authError = authError;
    const startedMs = realNow();
    const logged = (error?: string) =>
      this.logs.record({
        udfType: "HttpAction",
        componentPath: component,
        identifier: `${method} ${routedPath}`,
        logLines: frame.logLines,
        startedMs,
        error,
        requestId,
        caller: "HttpEndpoint",
      });
    try {
      const response = await withTimeout(
        failOnUncaught(
          frame,
          frames.run(frame, () => handler.invokeHttpAction!(request)),
        ),
        this.transactions.actionTimeoutMs,
        timeoutMessage(this.transactions.actionTimeoutMs),
      );
      logged();
      return response;
    } catch (e) {
      logged(failedOutcome(e, requestId).errorMessage);
      return Response.json(httpActionErrorBody(e, requestId), { status: 500 });
    }
  }
}
