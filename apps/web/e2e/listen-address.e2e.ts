import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";

/**
 * The local addresses listening on `port`, from the kernel's socket tables (Linux): "127.0.0.1",
 * or "0.0.0.0" / "::" for every interface.
 */
function listeningAddresses(port: number): string[] {
  const addresses: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = local!.split(":");
      if (state !== "0A" || parseInt(hexPort!, 16) !== port) continue; // 0A: LISTEN
      if (hexAddress!.length === 8) {
        addresses.push(
          [...Buffer.from(hexAddress!, "hex").reverse()].map((byte) => String(byte)).join("."),
        );
      } else {
        addresses.push(/^0+$/.test(hexAddress!) ? "::" : hexAddress!);
      }
    }
  }
  return addresses;
}

describe("local mode listens on this machine only", () => {
  const urls = inject("urls");

  it("the dashboard, the widget and the demo page accept no connection from the network", () => {
    for (const url of [urls.dashboard, urls.widget, urls.demo]) {
      const port = Number(new URL(url).port);
      expect(listeningAddresses(port), url).toEqual(["127.0.0.1"]);
    }
  });
});
