import { act, waitFor } from "@testing-library/react";
import { createStore, Provider } from "jotai";
import { hydrateRoot, type Root } from "react-dom/client";
import { prerenderToNodeStream } from "react-dom/static";
import { afterEach, describe, expect, it, vi } from "vitest";

import { STORED_SESSION_ATTRIBUTE } from "@/modules/session/lib/stored-session-probe";
import { acmeInitialState } from "@/test/initial-state";
import { englishIntl, englishShellText } from "@/test/render-with-intl";

/**
 * The widget's view and the atoms its page hydrates, from one copy of its modules: the server's
 * copy has rendered every lazy screen, a fresh copy is a browser that has loaded none of them.
 */
async function widgetModules() {
  const [view, flow, session, organization, initial, intl, embed] = await Promise.all([
    import("./widget-view"),
    import("../../atoms/flow-atoms"),
    import("@/modules/session/atoms/session-atoms"),
    import("@/modules/session/atoms/organization-atoms"),
    import("../../atoms/initial-state-atoms"),
    import("@/i18n/intl-atoms"),
    import("@/modules/embed/atoms/embed-atoms"),
  ]);
  const store = createStore();
  store.set(intl.intlAtom, englishIntl);
  store.set(intl.shellTextAtom, englishShellText);
  store.set(session.organizationIdAtom, "org_acme");
  // Nothing listens here: the form is filled in before anything is sent.
  store.set(session.convexUrlAtom, "http://127.0.0.1:9");
  store.set(session.convexSiteUrlAtom, "http://127.0.0.1:9");
  store.set(initial.initialStateAtom, acmeInitialState());
  store.set(organization.organizationNameAtom, "Acme");
  const ui = (
    <Provider store={store}>
      <view.WidgetView />
    </Provider>
  );
  return { ui, store, flowAtom: flow.flowAtom, hostPageAtom: embed.hostPageAtom };
}

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
  document.documentElement.removeAttribute(STORED_SESSION_ATTRIBUTE);
});

/**
 * The page as a browser has it before any of the widget's code ran: the server's HTML in the
 * document, and a fresh copy of the modules (no lazy screen loaded yet) to hydrate it with.
 */
async function serverPaintedWidget() {
  const { prelude } = await prerenderToNodeStream((await widgetModules()).ui);
  let html = "";
  for await (const chunk of prelude) html += String(chunk);
  vi.resetModules();
  const browser = await widgetModules();
  const container = document.body.appendChild(document.createElement("div"));
  container.innerHTML = html;
  return { browser, container };
}

// The auth form is on screen from the server's HTML while its own chunk is still on its way, so a
// visitor can type into it before it hydrates. What the widget does meanwhile (the embed bridge
// opening, the host page's init, the check confirming there is no stored session) must not throw
// that HTML away for an empty form.
describe("hydrating the server's auth form", () => {
  it("keeps the inputs, and what the visitor already typed, while the widget settles around them", async () => {
    const { browser, container } = await serverPaintedWidget();
    const name = container.querySelector<HTMLInputElement>('input[name="name"]')!;
    const email = container.querySelector<HTMLInputElement>('input[name="email"]')!;
    name.value = "Ana";
    email.value = "ana@shop.example";

    act(() => {
      root = hydrateRoot(container, browser.ui);
    });
    act(() => {
      browser.store.set(browser.hostPageAtom, {
        url: "https://shop.example/pricing",
        title: "Pricing",
        referrer: "",
        locale: "en",
      });
      browser.store.set(browser.flowAtom, {
        type: "loaded",
        organization: "valid",
        session: "missing",
      });
    });
    const submit = () => container.querySelector<HTMLButtonElement>('button[type="submit"]');
    // Enabled once the form's own code has hydrated it.
    await waitFor(() => expect(submit()?.disabled).toBe(false), { timeout: 10_000 });

    expect(container.querySelector('input[name="name"]')).toBe(name);
    expect(container.querySelector('input[name="email"]')).toBe(email);
    expect(name.value).toBe("Ana");
    expect(email.value).toBe("ana@shop.example");
  });

  it("shows the form that the page hid for a returning visitor once the check finds no session", async () => {
    const { browser, container } = await serverPaintedWidget();
    // What the page's inline probe does when this organization has a session in localStorage.
    document.documentElement.setAttribute(STORED_SESSION_ATTRIBUTE, "");
    const form = container.querySelector("form[data-auth-form]");
    expect(form).not.toBeNull();

    act(() => {
      root = hydrateRoot(container, browser.ui);
    });
    expect(document.documentElement.hasAttribute(STORED_SESSION_ATTRIBUTE)).toBe(true);
    act(() => {
      browser.store.set(browser.flowAtom, {
        type: "loaded",
        organization: "valid",
        session: "missing",
      });
    });
    // The stylesheet hid the server's form only while <html> had the mark; the same form stays.
    expect(document.documentElement.hasAttribute(STORED_SESSION_ATTRIBUTE)).toBe(false);
    expect(container.querySelector("form[data-auth-form]")).toBe(form);
  });
});
