// @vitest-environment node
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { describe, expect, it, vi } from "vitest";

import { TEST_BUILD_DIR } from "../test/build-once";

const bundlePath = new URL(`../${TEST_BUILD_DIR}/widget.js`, import.meta.url);
const code = readFileSync(bundlePath, "utf8");
const BUDGET_BYTES = 1536;

const tag = (attributes = 'data-organization-id="org_demo" data-position="bottom-right"') =>
  `<script ${attributes}>${code}</script>`;

// The widget app's `?launcher=` answer, at the page's fetch (jsdom has none of its own).
const launcherSettings = (position: string | null) => ({
  unread: 0,
  css: {
    root: `position:fixed;${position === "bottom-left" ? "left" : "right"}:20px`,
    launcher: "width:56px",
    focus: "outline:3px solid #111",
    badge: "position:absolute",
    panel: "width:400px",
    fullScreen: "position:fixed",
  },
});

function page(head: string, body = "<main><h1>Acme</h1></main>") {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    url: "https://shop.example.com/pricing",
    runScripts: "dangerously",
    beforeParse(win) {
      Object.assign(win, {
        fetch: async (input: string) => {
          const position = new URL(input).searchParams.get("position");
          return { json: async () => launcherSettings(position) };
        },
      });
    },
  });
  return dom.window;
}

/** The launcher appears once its settings have arrived. */
async function launcherOf(win: Window): Promise<HTMLButtonElement> {
  await vi.waitFor(() => expect(win.document.querySelector("button")).not.toBeNull());
  return win.document.querySelector("button")!;
}

async function loaded<W extends Window>(win: W): Promise<W> {
  if (win.document.readyState !== "complete")
    await new Promise((resolve) => win.addEventListener("load", resolve));
  return win;
}

describe("built widget.js", () => {
  it("stays within the gzip budget", () => {
    expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("passes the size bench", () => {
    const output = execFileSync(
      process.execPath,
      [new URL("../bench/size.mjs", import.meta.url).pathname, bundlePath.pathname],
      {
        encoding: "utf8",
      },
    );
    expect(output).toMatch(/gzip: +\d+ bytes/);
    expect(output).toContain("PASS");
  });

  it("is one IIFE with no style markup", () => {
    expect(code.startsWith("(function(){")).toBe(true);
    expect(code).not.toMatch(/<style|setAttribute\(`style`|innerHTML/);
  });

  it("waits for DOMContentLoaded when included in the head", async () => {
    const win = page(tag());
    expect(win.document.querySelector("button")).toBeNull();
    expect(win.EchoWidget).toBeDefined();
    await loaded(win);
    const root = win.document.body.lastElementChild!;
    expect(win.document.querySelector("main")?.nextElementSibling).toBe(root);
    expect((await launcherOf(win)).getAttribute("aria-label")).toBe("Support chat");
    expect(root.contains(await launcherOf(win))).toBe(true);
  });

  it("mounts at once when included after the page has loaded", async () => {
    const win = await loaded(page(""));
    const script = win.document.createElement("script");
    script.dataset.organizationId = "org_demo";
    script.dataset.position = "bottom-right";
    script.textContent = code;
    win.document.body.append(script);
    expect(typeof win.EchoWidget?.open).toBe("function");
    await launcherOf(win);
    expect(win.document.querySelectorAll("button")).toHaveLength(1);
  });

  it("finds its tag by attribute when document.currentScript is unavailable", async () => {
    const win = await loaded(
      page(
        '<script data-organization-id="org_demo" data-locale="pt-BR" data-position="bottom-left"></script>',
      ),
    );
    win.eval(code);
    expect((await launcherOf(win)).getAttribute("aria-label")).toBe("Chat de suporte");
  });

  it("without data-position, still loads no widget until the visitor asks for it", async () => {
    const win = await loaded(page(tag('data-organization-id="org_demo"')));
    await launcherOf(win);
    expect(win.document.querySelector("iframe")).toBeNull();
    win.document.querySelector("button")!.click();
    expect(win.document.querySelector("iframe")?.src).toContain("organizationId=org_demo");
  });

  it("is harmless when included twice", async () => {
    const win = await loaded(page(tag() + tag('data-organization-id="org_other"')));
    await launcherOf(win);
    expect(win.document.querySelectorAll("button")).toHaveLength(1);
    win.EchoWidget!.open();
    expect(win.document.querySelector("iframe")?.src).toContain("organizationId=org_demo");
  });

  it("adds no global but window.EchoWidget, which destroy removes", async () => {
    const win = await loaded(page(""));
    const before = new Set(Object.getOwnPropertyNames(win));
    const script = win.document.createElement("script");
    script.dataset.organizationId = "org_demo";
    script.textContent = code;
    win.document.body.append(script);
    await launcherOf(win);
    const added = Object.getOwnPropertyNames(win).filter((name) => !before.has(name));
    expect(added).toEqual(["EchoWidget"]);
    win.EchoWidget!.destroy();
    expect(Object.getOwnPropertyNames(win).filter((name) => !before.has(name))).toEqual([]);
    expect(win.document.querySelector("button")).toBeNull();
  });
});
