// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";

import { FAKE_PRIVATE_KEY, startFakeVapi, type FakeVapi } from "../fakeVapi.harness";
import {
  MAX_RETRY_AFTER_MS,
  RETRY_OPTIONS,
  retryAfterMs,
  vapiClient,
  VapiError,
} from "./vapiClient";

let vapi: FakeVapi;
beforeAll(async () => {
  vapi = await startFakeVapi();
});
afterAll(async () => {
  await vapi.close();
});
beforeEach(() => {
  vapi.requests.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<VapiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VapiError);
  return error as VapiError;
}

describe("vapiClient", () => {
  test("lists assistants and phone numbers with the Bearer key", async () => {
    const client = vapiClient(FAKE_PRIVATE_KEY, vapi.url);
    expect(await client.listAssistants()).toEqual([
      { id: "asst_1", name: "Support line", createdAt: "2026-01-05T10:00:00.000Z" },
      { id: "asst_2", name: null, createdAt: "2026-01-06T10:00:00.000Z" },
    ]);
    expect(await client.listPhoneNumbers()).toEqual([
      {
        id: "pn_1",
        number: "+15550100",
        name: "Front desk",
        provider: "vapi",
        assistantId: "asst_1",
        status: "active",
      },
    ]);
    expect(vapi.requests).toEqual([
      {
        method: "GET",
        path: "/assistant",
        authorization: `Bearer ${FAKE_PRIVATE_KEY}`,
        at: expect.any(Number),
      },
      {
        method: "GET",
        path: "/phone-number",
        authorization: `Bearer ${FAKE_PRIVATE_KEY}`,
        at: expect.any(Number),
      },
    ]);
  });

  test("a 401 fails at once with Vapi's message", async () => {
    const error = await failure(vapiClient("wrong-key", vapi.url).listAssistants());
    expect(error.reason).toBe("unauthorized");
    expect(error.status).toBe(401);
    expect(error.message).toMatch(/Invalid Key/);
    expect(vapi.requests).toHaveLength(1);
  });

  test("429 and 5xx are retried with backoff until Vapi answers", async () => {
    vapi.failNext(429);
    vapi.failNext(503);
    vapi.failNext(500);
    const assistants = await vapiClient(FAKE_PRIVATE_KEY, vapi.url).listAssistants();
    expect(assistants.map((a) => a.id)).toEqual(["asst_1", "asst_2"]);
    expect(vapi.requests).toHaveLength(4);
  });

  test("persistent 429 or 5xx give up after the retries with the reason", async () => {
    const client = vapiClient(FAKE_PRIVATE_KEY, vapi.url);
    vapi.failNext(429, RETRY_OPTIONS.retries + 1);
    expect((await failure(client.listAssistants())).reason).toBe("rate_limited");
    expect(vapi.requests).toHaveLength(RETRY_OPTIONS.retries + 1);

    vapi.failNext(502, RETRY_OPTIONS.retries + 1);
    const unavailable = await failure(client.listPhoneNumbers());
    expect(unavailable.reason).toBe("unavailable");
    expect(unavailable.status).toBe(502);
  });

  test("a 429's Retry-After is waited out before the next attempt", async () => {
    vapi.failNext(429, 1, "1");
    const assistants = await vapiClient(FAKE_PRIVATE_KEY, vapi.url).listAssistants();
    expect(assistants).toHaveLength(2);
    const [first, second] = vapi.requests;
    // Vapi asked for one second; the client may add its own backoff, never less.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
  });

  test("a Retry-After longer than one call may wait fails at once as rate limited", async () => {
    vapi.failNext(429, 1, String(MAX_RETRY_AFTER_MS / 1000 + 50));
    const error = await failure(vapiClient(FAKE_PRIVATE_KEY, vapi.url).listAssistants());
    expect(error.reason).toBe("rate_limited");
    expect(error.retryAfterMs).toBe(MAX_RETRY_AFTER_MS + 50_000);
    expect(vapi.requests).toHaveLength(1);
  });

  test("Retry-After is read as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-12-01T10:00:00Z");
    expect(retryAfterMs("3", now)).toBe(3000);
    expect(retryAfterMs("Tue, 01 Dec 2026 10:00:07 GMT", now)).toBe(7000);
    expect(retryAfterMs("Tue, 01 Dec 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });

  test("an unreachable Vapi is reported as unavailable", async () => {
    const closed = await startFakeVapi();
    await closed.close();
    const error = await failure(vapiClient(FAKE_PRIVATE_KEY, closed.url).listAssistants());
    expect(error.reason).toBe("unavailable");
  });
});
