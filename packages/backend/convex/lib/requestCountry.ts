/** Country headers set by common edge networks in front of the backend, first found wins. */
const COUNTRY_HEADERS = [
  "cf-ipcountry",
  "x-vercel-ip-country",
  "cloudfront-viewer-country",
  "x-country-code",
];

export function countryFromHeaders(headers: Headers): string | undefined {
  for (const name of COUNTRY_HEADERS) {
    const value = headers.get(name)?.trim().toUpperCase();
    // "XX" and "T1" are Cloudflare's unknown and Tor markers.
    if (value && /^[A-Z]{2}$/.test(value) && value !== "XX") return value;
  }
  return undefined;
}
