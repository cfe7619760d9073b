// Browsers have web streams and jsdom does not; the VM pool runs each file in jsdom's window alone,
// so Node's streams stand in for the browser's (the fork pool left Node's on the global anyway).
import { ReadableStream, TransformStream, WritableStream } from "node:stream/web";

Object.assign(globalThis, { ReadableStream, TransformStream, WritableStream });
