import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";

export type SettingsSection = {
  /** The page at app/[locale]/(dashboard)/settings/<segment>/page.tsx. */
  segment: string;
  /** A full next-intl key, so a section's label can live in its own feature's namespace. */
  label: string;
  group: "account" | "organization";
  /** Shown only with these identity providers (all when left out). */
  providers?: IdentityProviderName[];
};

/**
 * Settings' navigation, in order. Adding a section is one line here plus its page; organization
 * sections check the admin role on the server, as every admin function does.
 */
export const SETTINGS_SECTIONS: SettingsSection[] = [
  { segment: "profile", label: "settings.sections.profile", group: "account" },
  { segment: "notifications", label: "settings.sections.notifications", group: "account" },
  {
    segment: "security",
    label: "settings.sections.security",
    group: "account",
    providers: ["self-hosted"],
  },
  { segment: "organization", label: "settings.sections.organization", group: "organization" },
  { segment: "ai-agent", label: "settings.sections.aiAgent", group: "organization" },
  { segment: "widget-security", label: "settings.sections.widgetSecurity", group: "organization" },
  { segment: "office-hours", label: "settings.sections.officeHours", group: "organization" },
  { segment: "tags", label: "settings.sections.tags", group: "organization" },
  { segment: "canned-responses", label: "cannedResponses.section", group: "organization" },
  { segment: "contact-fields", label: "contactFieldSettings.section", group: "organization" },
];

export function sectionsFor(provider: IdentityProviderName) {
  return SETTINGS_SECTIONS.filter(
    (section) => !section.providers || section.providers.includes(provider),
  );
}
