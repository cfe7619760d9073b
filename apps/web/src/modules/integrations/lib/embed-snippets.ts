export const SNIPPET_KINDS = ["html", "react", "nextjs", "javascript"] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

export type EmbedTarget = { organizationId: string; scriptUrl: string; widgetUrl: string };

// JSON.stringify quotes and escapes each value, so an id can never break out of the snippet.
const attrs = ({ organizationId, widgetUrl }: EmbedTarget) => ({
  org: JSON.stringify(organizationId),
  widget: JSON.stringify(widgetUrl),
});

/** The code a site owner pastes to add the widget, per kind of site. */
export function embedSnippet(kind: SnippetKind, target: EmbedTarget): string {
  const { org, widget } = attrs(target);
  const src = JSON.stringify(target.scriptUrl);
  switch (kind) {
    case "html":
      return `<script\n  src=${src}\n  data-organization-id=${org}\n  data-widget-url=${widget}\n  async\n></script>`;
    case "react":
      return `import { useEffect } from "react";

export function EchoWidget() {
  useEffect(() => {
    const script = document.createElement("script");
    script.src = ${src};
    script.async = true;
    script.dataset.organizationId = ${org};
    script.dataset.widgetUrl = ${widget};
    document.body.appendChild(script);
    return () => {
      window.EchoWidget?.destroy();
      script.remove();
    };
  }, []);
  return null;
}`;
    case "nextjs":
      return `import Script from "next/script";

export function EchoWidget() {
  return (
    <Script
      src=${src}
      strategy="afterInteractive"
      data-organization-id=${org}
      data-widget-url=${widget}
    />
  );
}`;
    case "javascript":
      return `(function () {
  var script = document.createElement("script");
  script.src = ${src};
  script.async = true;
  script.setAttribute("data-organization-id", ${org});
  script.setAttribute("data-widget-url", ${widget});
  document.body.appendChild(script);
})();`;
  }
}
