// Runs inside the host page of strict-csp.e2e.ts (served as a file, since the policy forbids inline scripts).
/* global document, window, getComputedStyle, KeyboardEvent */
const report = { violations: [], fromWidget: null };
document.addEventListener("securitypolicyviolation", (event) =>
  report.violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
);
window.addEventListener("message", (event) => {
  if (event.data?.source === "e2e-report") report.fromWidget = event.data.seen;
});

const probe = document.createElement("div");
probe.setAttribute("style", "color: red");
report.styleAttributeBlocked = probe.style.color !== "red";

window.addEventListener("load", () => {
  report.globals = Object.keys(window).filter((name) => /echo/i.test(name));
  setTimeout(() => {
    report.beforeOpen = {
      frames: document.querySelectorAll("#echo-widget-frame").length,
      launcher: document.querySelector("button") !== null,
      storedToken: localStorage.getItem("echo-unread:org_demo"),
    };
    window.EchoWidget.open();
  }, 500);
  setTimeout(() => {
    const launcher = document.querySelector("button");
    const frame = document.getElementById("echo-widget-frame");
    const badge = launcher.querySelector("span");
    report.launcher = {
      label: launcher.getAttribute("aria-label"),
      expanded: launcher.getAttribute("aria-expanded"),
      width: getComputedStyle(launcher).width,
      position: getComputedStyle(launcher.parentElement).position,
      background: getComputedStyle(launcher).backgroundColor,
      iconFill: getComputedStyle(launcher.querySelector("path")).fill,
    };
    report.storedToken = localStorage.getItem("echo-unread:org_demo");
    report.badge = { text: badge.textContent, display: getComputedStyle(badge).display };
    report.frame = {
      src: frame.src,
      height: getComputedStyle(frame).height,
      display: getComputedStyle(frame).display,
      focused: document.activeElement === frame,
    };
    // Distances from the viewport's edges, to check the corner placement and the stacking.
    const inset = (element) => {
      const rect = element.getBoundingClientRect();
      return {
        left: rect.left,
        right: window.innerWidth - rect.right,
        bottom: window.innerHeight - rect.bottom,
      };
    };
    report.insets = { launcher: inset(launcher), frame: inset(frame) };
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    // Closed again: the count the widget reported while open now shows on the launcher.
    report.afterEscape = {
      display: getComputedStyle(frame).display,
      launcherFocused: document.activeElement === launcher,
      label: launcher.getAttribute("aria-label"),
      badge: { text: badge.textContent, display: getComputedStyle(badge).display },
    };
    document.getElementById("report").textContent = JSON.stringify(report);
  }, 2000);
});
