import { createReadStream } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Backend } from "../runtime/backend.ts";
import { checkImportRequest, ImportError } from "../runtime/snapshots/snapshot-parse.ts";
import { HttpError, readBody, readJson, sendJson } from "./http-util.ts";
import type { Caller } from "./identity.ts";

/** Import uploads come in parts of 5 MiB (the CLI's default); allow larger ones too. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/**
 * The admin routes behind `npx convex logs`, `dev` (log tailing), `export` and `import`.
 * Returns false when `url` is none of them.
 */
export async function handleCliRoute(
  backend: Backend,
  caller: Caller,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method} ${url.pathname}`;
  const known =
    route === "GET /api/stream_function_logs" ||
    route === "POST /api/export/request/zip" ||
    (req.method === "GET" && url.pathname.startsWith("/api/export/zip/")) ||
    route === "POST /api/import/start_upload" ||
    route === "POST /api/import/upload_part" ||
    route === "POST /api/import/finish_upload" ||
    route === "POST /api/perform_import" ||
    route === "POST /api/cancel_import";
  if (!known) return false;
  if (!caller.isAdmin)
    throw new HttpError(401, "BadAdminKey", "The provided admin key was invalid.");
  const jobs = backend.snapshots;
  try {
    switch (route) {
      case "GET /api/stream_function_logs": {
        const cursor = Number(url.searchParams.get("cursor") ?? "0");
        if (!Number.isFinite(cursor) || cursor < 0)
          throw new HttpError(400, "InvalidCursor", "cursor must be a non-negative number.");
        const closed = new Promise<void>((resolve) => res.once("close", resolve));
        sendJson(res, 200, await backend.logs.poll(cursor, closed));
        return true;
      }
      case "POST /api/export/request/zip": {
        const state = jobs.export(url.searchParams.get("includeStorage") === "true");
        sendJson(res, 200, { startTs: state.start_ts.toString() });
        return true;
      }
      case "POST /api/import/start_upload":
        sendJson(res, 200, { uploadToken: jobs.startUpload() });
        return true;
      case "POST /api/import/upload_part": {
        const partNumber = Number(url.searchParams.get("partNumber"));
        if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber >= 10_000)
          throw new HttpError(400, "InvalidPartNumber", "partNumber must be from 1 to 9999.");
        const token = url.searchParams.get("uploadToken") ?? "";
        sendJson(res, 200, jobs.uploadPart(token, partNumber, await readBody(req, MAX_PART_BYTES)));
        return true;
      }
      case "POST /api/import/finish_upload": {
        const body = (await readJson(req)) as {
          import?: unknown;
          uploadToken?: unknown;
          partTokens?: unknown;
        };
        if (typeof body.uploadToken !== "string" || !Array.isArray(body.partTokens))
          throw new HttpError(400, "InvalidImport", "uploadToken and partTokens are required.");
        const request = checkImportRequest(body.import);
        const importId = jobs.finishUpload(body.uploadToken, body.partTokens.map(String), request);
        sendJson(res, 200, { importId });
        return true;
      }
      case "POST /api/perform_import":
      case "POST /api/cancel_import": {
        const { importId } = (await readJson(req)) as { importId?: unknown };
        if (typeof importId !== "string")
          throw new HttpError(400, "InvalidImport", "importId is required.");
        if (route === "POST /api/cancel_import") jobs.cancel(importId);
        else await jobs.perform(importId);
        sendJson(res, 200, {});
        return true;
      }
      default: {
        const ts = url.pathname.slice("/api/export/zip/".length);
        const file = jobs.exportFile(ts);
        if (!file)
          throw new HttpError(
            404,
            "ExportNotFound",
            `There is no snapshot export at timestamp ${ts}.`,
          );
        res.writeHead(200, {
          "Content-Type": "application/zip",
          "Content-Disposition": `attachment; filename=${file.name}`,
        });
        createReadStream(file.path).pipe(res);
        return true;
      }
    }
  } catch (e) {
    if (e instanceof ImportError) throw new HttpError(400, "InvalidImport", e.message);
    throw e;
  }
}
