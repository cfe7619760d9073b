import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";
import { stackLogDir } from "./harness/paths";
import { eventually } from "./harness/visitor";

type LogLine = Record<string, unknown> & { requestId?: string; event?: string };

/** The JSON lines a page (and its frames, the widget's iframe among them) prints to its console. */
function jsonConsole(page: Page) {
  const lines: LogLine[] = [];
  page.on("console", (message: ConsoleMessage) => {
    const text = message.text();
    if (text.startsWith("{")) lines.push(JSON.parse(text) as LogLine);
  });
  return lines;
}

/** Every log line the backend's functions printed, as `npx convex logs` reads them. */
async function backendLogLines(backend: string, adminKey: string) {
  const response = await fetch(`${backend}/api/stream_function_logs?cursor=0`, {
    headers: { authorization: `Convex ${adminKey}` },
  });
  expect(response.status).toBe(200);
  const { entries } = (await response.json()) as {
    entries: { identifier: string; logLines: { messages: string[] }[] }[];
  };
  return entries.flatMap((entry) =>
    entry.logLines
      .flatMap((line) => line.messages)
      .filter((message) => message.startsWith("{"))
      .map((message) => ({ function: entry.identifier, ...(JSON.parse(message) as LogLine) })),
  );
}

// docs/deploy-server.md, "Following one request": one id from the widget to the agent's answer.
describe("one visitor message is followed by its request id across the widget, backend and agent", () => {
  const urls = inject("urls");
  const adminKey = inject("adminKey");
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it("the widget's console line, the send mutation's line and the agent's answer share the id", async () => {
    const site = await browser.newPage();
    const widgetLog = jsonConsole(site);
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    const widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Rui Request");
    await widget.getByLabel("Email").fill("rui@request.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("How do I reset my password?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });

    const sent = await eventually(async () =>
      widgetLog.find((entry) => entry.event === "widget.message.sent"),
    );
    expect(sent.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.conversationId).toEqual(expect.any(String));

    const backendLines = await eventually(async () => {
      const lines = (await backendLogLines(urls.backend, adminKey)).filter(
        (line) => line.requestId === sent.requestId,
      );
      return lines.some((line) => line.event === "agent.turn.answered") && lines;
    }, 30_000);
    expect(backendLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          function: "public/messages:send",
          level: "info",
          event: "message.received",
          conversationId: sent.conversationId,
          organizationId: expect.any(String),
          durationMs: expect.any(Number),
        }),
        expect.objectContaining({
          function: "system/ai/respond:respond",
          level: "info",
          event: "agent.turn.answered",
          conversationId: sent.conversationId,
          organizationId: expect.any(String),
          durationMs: expect.any(Number),
        }),
      ]),
    );

    // The stack keeps the backend's function logs in a file, where a failed run can be read.
    const functionsLog = join(stackLogDir, "functions.log");
    const entryWithRequest = (kind: string, name: string) =>
      new RegExp(
        `${kind} ${name} \\d+ ms ok \\(.*\\)\\n(    .*\\n)*?    \\[[A-Z]+\\] .*"requestId":"${sent.requestId}"`,
      );
    const kept = await eventually(async () => {
      const text = existsSync(functionsLog) ? readFileSync(functionsLog, "utf8") : "";
      return entryWithRequest("Action", "system/ai/respond:respond").test(text) && text;
    }, 30_000);
    expect(kept).toMatch(entryWithRequest("Mutation", "public/messages:send"));
  }, 120_000);
});
