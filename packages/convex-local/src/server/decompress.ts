import { createBrotliDecompress, createGunzip, brotliDecompressSync, gunzipSync } from "node:zlib";
import { HttpError, tooLarge } from "./http-util.ts";

const COUNT_CHUNK_BYTES = 1 << 20;

const decoders = {
  br: { stream: createBrotliDecompress, sync: brotliDecompressSync },
  gzip: { stream: createGunzip, sync: gunzipSync },
} as const;

/**
 * Decodes a `Content-Encoding: br|gzip` body of at most `limit` bytes once decoded. A first pass
 * only counts the output and stops at the limit, so a compression bomb is refused having held
 * one chunk at a time (plus what the garbage collector has not yet reclaimed) instead of
 * everything it expands to.
 */
export async function decodeBody(
  body: Buffer,
  encoding: string | undefined,
  limit: number,
): Promise<Buffer> {
  if (encoding === undefined || encoding === "identity") return body;
  const decoder = decoders[encoding as keyof typeof decoders];
  if (!decoder)
    throw new HttpError(
      415,
      "UnsupportedEncoding",
      `Content-Encoding ${encoding} is not supported.`,
    );
  await countDecoded(decoder.stream({ chunkSize: COUNT_CHUNK_BYTES }), body, limit);
  try {
    return decoder.sync(body, { maxOutputLength: limit });
  } catch {
    throw new HttpError(400, "BadEncoding", `The request body is not valid ${encoding} data.`);
  }
}

function countDecoded(
  stream: ReturnType<(typeof decoders)[keyof typeof decoders]["stream"]>,
  body: Buffer,
  limit: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        reject(tooLarge(limit));
      }
    });
    stream.once("end", resolve);
    stream.once("error", () =>
      reject(new HttpError(400, "BadEncoding", "The request body could not be decompressed.")),
    );
    stream.end(body);
  });
}
