// Browsers have web streams and jsdom does not: Node's stand in for the browser's.
import { ReadableStream, TransformStream, WritableStream } from "node:stream/web";

Object.assign(globalThis, { ReadableStream, TransformStream, WritableStream });
