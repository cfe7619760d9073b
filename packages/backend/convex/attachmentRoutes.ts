import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { contentDisposition } from "./lib/attachments/fileTypes";
import { verifyVapiSecret as keysMatch } from "./lib/webhooks/verifyVapiSecret";

const PREFIX = "/attachments/";

/**
 * GET /attachments/<id>/<key>: the file with the type it was accepted as, images inline and
 * everything else as a download, never rendered as a page of the site's origin.
 */
export const download = httpAction(async (ctx, request) => {
  const [attachmentId, key] = new URL(request.url).pathname.slice(PREFIX.length).split("/");
  const notFound = () => new Response("Not found", { status: 404 });
  if (!attachmentId || !key) return notFound();
  const attachment = await ctx.runQuery(internal.system.attachments.forDownload, { attachmentId });
  if (!attachment || !(await keysMatch(attachment.accessKey, key))) return notFound();
  const blob = await ctx.storage.get(attachment.storageId);
  if (!blob) return notFound();
  return new Response(blob, {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": contentDisposition(attachment.kind, attachment.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=3600",
      "Cross-Origin-Resource-Policy": "cross-origin",
    },
  });
});
