// @vitest-environment node
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";

import { TEST_BUILD_DIR } from "../test/build-once";

const bundlePath = new URL(`../${TEST_BUILD_DIR}/widget.js`, import.meta.url);
const code = readFileSync(bundlePath, "utf8");
const BUDGET_BYTES = 1536;

const tag = (attributes = 'data-organization-id="org_demo" data-position="bottom-right"') =>
  `<script ${attributes}>${code}</script>`;

function page(head: string, body = "<main><h1>Acme</h1></main>") {
  const dom = new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, {
    url: "https://shop.example.com/pricing",
    runScripts: "dangerously",
  });
  return dom.window;
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
    expect(root.querySelector("button")?.getAttribute("aria-label")).toBe("Support chat");
    expect(win.document.querySelector("main")?.nextElementSibling).toBe(root);
  });

  it("mounts at once when included after the page has loaded", async () => {
    const win = await loaded(page(""));
    const script = win.document.createElement("script");
    script.dataset.organizationId = "org_demo";
    script.dataset.position = "bottom-right";
    script.textContent = code;
    win.document.body.append(script);
    expect(win.document.querySelectorAll("button")).toHaveLength(1);
    expect(typeof win.EchoWidget?.open).toBe("function");
  });

  it("finds its tag by attribute when document.currentScript is unavailable", async () => {
    const win = await loaded(
      page(
        '<script data-organization-id="org_demo" data-locale="pt-BR" data-position="bottom-left"></script>',
      ),
    );
    win.eval(code);
    expect(win.document.querySelector("button")?.getAttribute("aria-label")).toBe(
      "Chat de suporte",
    );
  });

  it("without data-position, loads the widget hidden and waits for it to place the launcher", async () => {
    const win = await loaded(page(tag('data-organization-id="org_demo"')));
    const frame = win.document.querySelector("iframe");
    expect(frame?.src).toContain("organizationId=org_demo");
    expect(frame?.style.display).toBe("none");
    expect(win.document.querySelector("button")).toBeNull();
  });

  it("is harmless when included twice", async () => {
    const win = await loaded(page(tag() + tag('data-organization-id="org_other"')));
    expect(win.document.querySelectorAll("button")).toHaveLength(1);
    win.EchoWidget!.open();
    expect(win.document.querySelector("iframe")?.src).toContain("organizationId=org_demo");
  });

  it("adds no global but window.EchoWidget, which destroy removes", async () => {
    const win = await loaded(page(""));
    const before = new Set(Object.getOwnPropertyNames(win));
    const script = win.document.createElement("script");
    script.dataset.organizationId = "org_demo";
    // With it, the iframe waits for the first open (it would show up as window[0], a frame index).
    script.dataset.position = "bottom-right";
    script.textContent = code;
    win.document.body.append(script);
    const added = Object.getOwnPropertyNames(win).filter((name) => !before.has(name));
    expect(added).toEqual(["EchoWidget"]);
    win.EchoWidget!.destroy();
    expect(Object.getOwnPropertyNames(win).filter((name) => !before.has(name))).toEqual([]);
    expect(win.document.querySelector("button")).toBeNull();
  });
});
