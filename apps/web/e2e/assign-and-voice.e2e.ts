import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { setBackendEnv, startFakeVapi } from "./harness/fake-vapi";
import { conversationThread, openConversation } from "./harness/conversation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { inviteMember } from "./harness/team";
import { createVisitor, type Visitor } from "./harness/visitor";
import { closeServer } from "./harness/close-server";

const VAPI_SERVER_SECRET = "e2e-server-secret";

/** One second of 8 kHz mono 16-bit silence as a WAV file, so the player has a real recording. */
function silentWav(seconds = 1, rate = 8000) {
  const data = rate * seconds * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + data, 4);
  wav.write("WAVE", 8);
  wav.write("fmt ", 12);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(data, 40);
  return wav;
}

/** Stands in for Vapi's recording storage. */
async function startRecordingStore() {
  const wav = silentWav();
  const server: Server = createServer((request, response) => {
    if (request.url !== "/call.wav") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "audio/wav", "content-length": wav.length });
    response.end(wav);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/call.wav`,
    close: () => closeServer(server),
  };
}

describe("assigning a conversation to a teammate, and a voice call's details", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const adminKey = inject("adminKey");
  const teammateEmail = `theo-${Date.now()}@example.com`;
  const callId = `call_e2e_${Date.now()}`;
  let ownerBrowser: TestBrowser;
  let teammateBrowser: TestBrowser;
  let owner: Page;
  let teammate: Page;
  let visitor: Visitor;
  let vapi: Awaited<ReturnType<typeof startFakeVapi>>;
  let recordings: Awaited<ReturnType<typeof startRecordingStore>>;
  let vapiConnected = false;

  beforeAll(async () => {
    [ownerBrowser, teammateBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    owner = await ownerBrowser.newPage();
    teammate = await teammateBrowser.newPage();
    // The saved session: sign-ins are rate limited per address, and other files sign in too.
    await signInAsDemoOperator(owner, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    // Leave voice as the other files expect it: not connected, against Vapi's real address.
    if (vapiConnected) {
      await owner.getByRole("link", { name: "Voice assistant" }).click();
      await owner.getByRole("button", { name: "Disconnect" }).click();
      await owner.getByTestId("vapi-state").getByText("Not connected", { exact: true }).waitFor();
    }
    if (vapi) await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: null });
    await Promise.all([
      ownerBrowser?.dispose(),
      teammateBrowser?.dispose(),
      vapi?.close(),
      recordings?.close(),
    ]);
  });

  it("the owner invites a teammate through the Team page, and the teammate accepts", async () => {
    await inviteMember(owner, teammate, urls.dashboard, {
      name: "Theo Teammate",
      email: teammateEmail,
      password: "theo's long password",
    });
    await teammate.getByTestId("organization-name").getByText("Nimbus (demo)").waitFor();
  });

  it("the owner assigns a conversation to the teammate with the picker", async () => {
    visitor = await createVisitor(urls, demo.organizationId, "Ada Assign");
    await visitor.send("Hello, could someone look at my invoice?");
    const thread = await openConversation(
      owner,
      urls.dashboard,
      visitor.conversationId,
      "Ada Assign",
    );
    const picker = thread.getByRole("combobox", { name: "Assignee" });
    await picker.filter({ hasText: /^Unassigned$/ }).waitFor();

    await picker.click();
    const options = owner.getByRole("listbox").getByRole("option");
    await options.first().waitFor();
    const names = await options.allTextContents();
    expect(names.slice(0, 2)).toEqual(["Unassigned", "Me"]);
    expect(names).toContain("Theo Teammate");
    await screenshot(owner, "assign-01-picker", { fullPage: false });
    await owner.getByRole("option", { name: "Theo Teammate" }).click();
    // The picker shows the choice once the backend's answer reaches the page: wait for it, not
    // for one second of polling, which a loaded machine outlasts.
    await picker.filter({ hasText: /^Theo Teammate$/ }).waitFor();

    // The assignment is the backend's: it survives a reload and the teammate sees it as theirs.
    // A freshly loaded page connects, authenticates and queries before its picker shows: wait
    // for the picker to say it (Playwright's own waiting), not one second of polling.
    await owner.reload();
    await owner
      .getByRole("combobox", { name: "Assignee" })
      .filter({ hasText: /^Theo Teammate$/ })
      .waitFor();
    await screenshot(owner, "assign-02-assigned");
    // The teammate, on the inbox since joining, opens it from the list.
    await teammate.getByRole("link", { name: /Ada Assign/ }).click();
    await teammate.waitForURL(`${urls.dashboard}/en/conversations/${visitor.conversationId}`);
    await teammate
      .getByRole("combobox", { name: "Assignee" })
      .filter({ hasText: /^Me$/ })
      .waitFor();
  });

  it("the inbox filters by member", async () => {
    const filter = owner.getByRole("combobox", { name: "Assigned to" });
    await filter.click();
    await owner.getByRole("option", { name: "Theo Teammate" }).click();
    await owner.waitForURL(/assignee=user%3A/);
    const list = owner.getByRole("list", { name: "Conversation list" });
    await list.getByRole("link", { name: /Ada Assign/ }).waitFor();
    await expect
      .poll(() =>
        list
          .getByRole("link", { name: /Ada Assign/ })
          .getByTestId("row-assignee")
          .textContent(),
      )
      .toBe("Assigned to Theo Teammate");
    await owner.getByRole("combobox", { name: "Assigned to" }).click();
    await owner.getByRole("option", { name: "Nobody" }).click();
    await owner.getByRole("link", { name: /Ada Assign/ }).waitFor({ state: "detached" });
    await screenshot(owner, "assign-03-filter-unassigned");
    await owner.getByRole("combobox", { name: "Assigned to" }).click();
    await owner.getByRole("option", { name: "Anyone" }).click();
    await list.getByRole("link", { name: /Ada Assign/ }).waitFor();
  });

  it("a finished Vapi call appears in the inbox with its summary and recording", async () => {
    vapi = await startFakeVapi({
      privateKeys: ["sk_private_good"],
      publicKeys: ["pk_public_good"],
    });
    recordings = await startRecordingStore();
    await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: vapi.url });
    await owner.getByRole("link", { name: "Voice assistant" }).click();
    await owner.getByLabel("Private API key").fill("sk_private_good");
    await owner.getByLabel("Public key").fill("pk_public_good");
    await owner.getByLabel("Server message secret (optional)").fill(VAPI_SERVER_SECRET);
    await owner.getByRole("button", { name: "Connect" }).click();
    await owner.getByTestId("vapi-state").getByText("Connected", { exact: true }).waitFor();
    vapiConnected = true;

    const report = {
      message: {
        type: "end-of-call-report",
        endedReason: "customer-ended-call",
        durationSeconds: 42.4,
        call: {
          id: callId,
          type: "webCall",
          customer: { number: "+15550142", name: "Vic Voice" },
        },
        artifact: {
          transcript: "AI: Hi, this is Nimbus support.\nUser: My sync is stuck.\n",
          recordingUrl: recordings.url,
          messages: [
            { role: "bot", message: "Hi, this is Nimbus support." },
            { role: "user", message: "My sync is stuck." },
          ],
        },
        analysis: { summary: "Caller's sync was stuck; explained how to restart it." },
      },
    };
    const post = (secret: string) =>
      fetch(`${urls.site}/webhooks/vapi/${encodeURIComponent(demo.organizationId)}`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-vapi-secret": secret },
        body: JSON.stringify(report),
      });
    expect((await post("a guess")).status).toBe(401);
    const response = await post(VAPI_SERVER_SECRET);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ received: true, duplicate: false });

    await owner.getByRole("link", { name: "Conversations", exact: true }).click();
    await owner.getByRole("link", { name: /Vic Voice/ }).click();
    const call = owner.getByRole("region", { name: "Voice call" });
    await call.waitFor();
    await call.getByText("Caller's sync was stuck; explained how to restart it.").waitFor();
    await expect(call.locator("time").textContent()).resolves.toBe("0:42");
    await call.getByText("The caller hung up").waitFor();
    await call.getByText("+15550142").waitFor();
    await expect(
      call.getByRole("link", { name: "Open the recording" }).getAttribute("href"),
    ).resolves.toBe(recordings.url);
    // The player really loads the recording: Chromium reads its length from the served file.
    const seconds = await call.locator("audio").evaluate(
      (audio: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (audio.readyState >= 1) return resolve(audio.duration);
          audio.addEventListener("loadedmetadata", () => resolve(audio.duration));
          audio.addEventListener("error", () => reject(new Error("the recording did not load")));
        }),
    );
    expect(seconds).toBeCloseTo(1, 1);
    const thread = conversationThread(owner);
    await thread.getByText("My sync is stuck.").waitFor();
    // No reply box: the caller could not read a written answer.
    await owner.getByTestId("voice-no-reply").waitFor();
    await expect(owner.getByLabel("Reply", { exact: true }).count()).resolves.toBe(0);
    await screenshot(owner, "voice-01-call-details");
  });
});
