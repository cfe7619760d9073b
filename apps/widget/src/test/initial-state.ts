import type { InitialState } from "@/modules/flow/server/load-initial-state";

type Settings = NonNullable<InitialState["settings"]>;

/** What the server knows of a valid organization "Acme" with yellow branding, as the page gets it. */
export function acmeInitialState(settings: Partial<Settings> = {}): InitialState {
  return {
    organization: { valid: true, name: "Acme", allowedDomains: [] },
    settings: {
      greeting: "Hi",
      suggestions: [],
      colors: { primary: "#facc15", background: "#ffffff", text: "#0f172a" },
      position: "bottom-right",
      defaultLanguage: "en",
      voice: { enabled: false },
      logoUrl: null,
      assistantMode: "retrieval",
      ...settings,
    },
  };
}
