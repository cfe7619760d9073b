// Placeholder loader until the embed issue lands: reads its own script tag and exposes window.EchoWidget.
const script = document.currentScript as HTMLScriptElement | null;
const organizationId = script?.dataset.organizationId ?? null;

declare global {
  interface Window {
    EchoWidget?: { organizationId: string | null };
  }
}

if (!window.EchoWidget) {
  window.EchoWidget = { organizationId };
}
