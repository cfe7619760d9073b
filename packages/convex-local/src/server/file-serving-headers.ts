/** Media types a browser would run as a page or script when opened from our origin. */
const ACTIVE_TYPES = new Set([
  "text/html",
  "application/xhtml+xml",
  "image/svg+xml",
  "text/xml",
  "application/xml",
  "text/xsl",
  "text/javascript",
  "application/javascript",
  "application/x-javascript",
  "text/ecmascript",
  "application/ecmascript",
]);

function isActive(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  return ACTIVE_TYPES.has(mediaType) || mediaType.endsWith("+xml");
}

/**
 * Headers for serving an uploaded file: the browser must not guess another type, and a type it
 * would execute (an uploaded page or SVG running script on the deployment's origin) is downloaded.
 */
export function fileServingHeaders(contentType: string | null | undefined): Record<string, string> {
  const type = contentType ?? "application/octet-stream";
  return {
    "Content-Type": type,
    "X-Content-Type-Options": "nosniff",
    ...(isActive(type) ? { "Content-Disposition": "attachment" } : {}),
  };
}
