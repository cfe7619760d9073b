import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { Readable } from "node:stream";
import {
  constants,
  createBrotliCompress,
  createGzip,
  gzipSync,
  type BrotliCompress,
  type Gzip,
} from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CliProcess, startCli } from "./cli-harness.ts";
import { fixtureDir, tempDir } from "./helpers.ts";
import { HTTP_ACTION_BODY_LIMIT } from "../src/server/http-actions.ts";
import { MAX_SYNC_MESSAGE_BYTES } from "../src/server/server.ts";

let cli: CliProcess;
let cleanup: () => void;

beforeAll(async () => {
  const tmp = tempDir();
  cleanup = tmp.cleanup;
  cli = await startCli(["--data", tmp.dir, "--functions", fixtureDir("basic")]);
}, 60_000);

afterAll(async () => {
  cli.child.kill("SIGTERM");
  await cli.exited;
  cleanup();
});

/** The server process's peak resident memory so far (VmHWM), in bytes. */
function peakRss(): number {
  const status = readFileSync(`/proc/${cli.child.pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** `bytes` zeros, compressed: a small body that expands to far more than any push. */
async function bomb(compressor: Gzip | BrotliCompress, bytes: number): Promise<Buffer> {
  const zeros = Buffer.alloc(16 << 20);
  const out: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => compressor.on("end", resolve));
  for (let sent = 0; sent < bytes; sent += zeros.length)
    if (!compressor.write(zeros)) await new Promise((resolve) => compressor.once("drain", resolve));
  compressor.end();
  await ended;
  return Buffer.concat(out);
}

const MB = 1024 * 1024;

describe("compressed push bodies", () => {
  test("a compressed push within the limit still reaches the push handler", async () => {
    const response = await fetch(`${cli.url}/api/get_config_hashes`, {
      method: "POST",
      headers: { "Content-Encoding": "gzip", Authorization: `Convex ${cli.adminKey}` },
      body: gzipSync(JSON.stringify({ adminKey: cli.adminKey })),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ config: { functions: "convex/" } });
  });

  test.each([
    ["br", () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })],
    ["gzip", () => createGzip({ level: 1 })],
  ] as const)(
    "a %s bomb is refused without the server holding what it inflates to",
    async (encoding, compressor) => {
      const body = await bomb(compressor(), 1024 * MB);
      const before = peakRss();
      const post = (authorization?: string) =>
        fetch(`${cli.url}/api/deploy2/start_push`, {
          method: "POST",
          headers: {
            "Content-Encoding": encoding,
            "Content-Type": "application/json",
            ...(authorization ? { Authorization: authorization } : {}),
          },
          body,
        });
      const anonymous = await post();
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ code: "BadAdminKey" });
      const admin = await post(`Convex ${cli.adminKey}`);
      expect(admin.status).toBe(413);
      expect(await admin.json()).toEqual({
        code: "RequestTooLarge",
        message: "Request body is larger than 200000000 bytes.",
      });
      // Inflating it would hold 1 GB (200 MB if stopped at the limit); counting holds only the
      // 1 MB chunks the garbage collector has not reclaimed yet (about 40 MB for brotli).
      expect(peakRss() - before).toBeLessThan(64 * MB);
    },
    120_000,
  );
});

describe("HTTP action request bodies", () => {
  const echo = (body: string | ReadableStream) =>
    fetch(`${cli.url}/http/echo`, {
      method: "POST",
      body,
      ...(typeof body === "string" ? {} : { duplex: "half" }),
    } as RequestInit);

  test("a body of exactly 20 MiB reaches the action", async () => {
    const response = await echo("a".repeat(HTTP_ACTION_BODY_LIMIT));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { body: string }).body.length).toBe(HTTP_ACTION_BODY_LIMIT);
  }, 30_000);

  test("one byte more is refused with 413, declared or streamed", async () => {
    const over = HTTP_ACTION_BODY_LIMIT + 1;
    const declared = await echo("a".repeat(over));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({
      code: "RequestTooLarge",
      message: `Request body is larger than ${HTTP_ACTION_BODY_LIMIT} bytes.`,
    });
    const chunk = Buffer.alloc(MB, "a");
    const streamed = await echo(
      Readable.toWeb(Readable.from(Array.from({ length: 21 }, () => chunk))) as ReadableStream,
    );
    expect(streamed.status).toBe(413);
  }, 30_000);
});

describe("sync WebSocket frames", () => {
  test("a frame announcing more than 64 MiB closes the socket with 1009 before it is sent", async () => {
    const { port } = new URL(cli.url);
    const socket = connect(Number(port), "127.0.0.1");
    const received: Buffer[] = [];
    socket.on("data", (d: Buffer) => received.push(d));
    await new Promise((resolve) => socket.once("connect", resolve));
    socket.write(
      "GET /api/1.49.0/sync HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // FIN + text, masked, 64-bit length: the header alone, then a few bytes of payload.
    const header = Buffer.alloc(14);
    header[0] = 0x81;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(MAX_SYNC_MESSAGE_BYTES + 1), 2);
    socket.write(Buffer.concat([header, Buffer.alloc(16)]));
    await new Promise((resolve) => socket.once("close", resolve));
    const frames = Buffer.concat(received);
    const close = frames.subarray(frames.indexOf("\r\n\r\n") + 4);
    expect(close[0]).toBe(0x88);
    expect(close.readUInt16BE(2)).toBe(1009);
  });
});
