import { cleanup } from "@testing-library/react";
import { webcrypto } from "node:crypto";
import { ReadableStream, TransformStream, WritableStream } from "node:stream/web";
import { afterEach } from "vitest";

// Browsers have web streams and Web Crypto's `subtle`, jsdom does not: Node's stand in for the
// browser's.
Object.assign(globalThis, { ReadableStream, TransformStream, WritableStream });
Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true });

afterEach(() => cleanup());
