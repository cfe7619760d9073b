import { readdirSync, readFileSync } from "node:fs";

/**
 * playwright-core 1.65's own --disable-features list. Chromium reads only the last
 * --disable-features switch, so ours, which Playwright passes after its own, repeats it;
 * assertPlaywrightFeaturesKept() says when a newer Playwright disables more.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * The omnibox popup's WebUI: headless Chromium 156 loads it, in a renderer of its own, into every
 * window, so every context, though no headless page ever shows an address bar.
 */
const UNSEEN_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "PreloadTopChromeWebUI"];

const DISABLE_FEATURES = "--disable-features=";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  `${DISABLE_FEATURES}${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSEEN_FEATURES].join(",")}`,
];

/** The command lines of the browsers this process started (Linux: its children in /proc). */
function childBrowserArgs() {
  const parentOf = (stat: string) => stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1];
  return readdirSync("/proc")
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        if (parentOf(readFileSync(`/proc/${pid}/stat`, "utf8")) !== String(process.pid)) return [];
        const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        return args.includes("--remote-debugging-pipe") ? [args] : [];
      } catch {
        return []; // the process ended while the list was read
      }
    });
}

/** Throws when the switch Chromium reads leaves on a feature that Playwright's own switch turns off. */
export function assertPlaywrightFeaturesKept() {
  for (const args of childBrowserArgs()) {
    const lists = args
      .filter((arg) => arg.startsWith(DISABLE_FEATURES))
      .map((arg) => arg.slice(DISABLE_FEATURES.length).split(","));
    const effective = new Set(lists.at(-1));
    const dropped = [...new Set(lists.flat())].filter((feature) => !effective.has(feature));
    if (dropped.length > 0) {
      throw new Error(
        `Chromium reads only the last --disable-features switch, and ours leaves out ${dropped.join(", ")}, which Playwright turns off: add them to PLAYWRIGHT_DISABLED_FEATURES in e2e/harness/chromium-flags.ts`,
      );
    }
  }
}
