import { describe, expect, it } from "vitest";

import { embedSnippet, SNIPPET_KINDS } from "./embed-snippets";

const target = {
  organizationId: "org_123",
  scriptUrl: "https://cdn.example.com/widget.js",
  widgetUrl: "https://widget.example.com",
};

describe("embedSnippet", () => {
  it("fills in the organization, script and widget URLs for every kind of site", () => {
    for (const kind of SNIPPET_KINDS) {
      const snippet = embedSnippet(kind, target);
      expect(snippet, kind).toContain('"org_123"');
      expect(snippet, kind).toContain('"https://cdn.example.com/widget.js"');
      expect(snippet, kind).toContain('"https://widget.example.com"');
    }
  });

  it("gives a plain script tag for HTML", () => {
    expect(embedSnippet("html", target)).toBe(
      '<script\n  src="https://cdn.example.com/widget.js"\n  data-organization-id="org_123"\n  data-widget-url="https://widget.example.com"\n  async\n></script>',
    );
  });

  it("quotes hostile values instead of letting them end the tag", () => {
    const snippet = embedSnippet("html", {
      ...target,
      organizationId: '"><script>alert(1)</script>',
    });
    expect(snippet).toContain('data-organization-id="\\"><script>alert(1)</script>"');
    expect(snippet.match(/<\/script>/g)).toHaveLength(2);
  });
});
