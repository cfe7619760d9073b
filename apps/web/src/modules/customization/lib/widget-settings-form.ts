import type { Id } from "@echo/backend/convex/_generated/dataModel";

export type Language = "en" | "pt-BR";
export const LANGUAGES: readonly Language[] = ["en", "pt-BR"];

/** A greeting and three suggestion fields in one language. */
export type CopyForm = { greeting: string; suggestions: [string, string, string] };

export type WidgetSettingsForm = {
  /** The default language's copy is required; another left blank greets with the built-in text. */
  copy: Record<Language, CopyForm>;
  colors: { primary: string; background: string; text: string };
  position: "bottom-right" | "bottom-left";
  defaultLanguage: "en" | "pt-BR";
  voice: { enabled: boolean; assistantId: string; phoneNumber: string };
};

export type SettingsProblem =
  | "greetingRequired"
  | "greetingTooLong"
  | "suggestionTooLong"
  | "invalidColor"
  | "invalidPhone";

export const MAX_GREETING = 500;
export const MAX_SUGGESTION = 120;
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

type StoredCopy = { greeting: string; suggestions: string[] };

type StoredSettings = StoredCopy & {
  translations?: (StoredCopy & { language: Language })[];
  colors: { primary: string; background: string; text: string };
  position: "bottom-right" | "bottom-left";
  defaultLanguage: "en" | "pt-BR";
  voice: { enabled: boolean; assistantId?: string; phoneNumber?: string };
};

function toCopyForm(copy: StoredCopy | undefined): CopyForm {
  const [a = "", b = "", c = ""] = copy?.suggestions ?? [];
  return { greeting: copy?.greeting ?? "", suggestions: [a, b, c] };
}

/** The editable form of stored settings: always three suggestion fields, empty strings for unset. */
export function toForm(settings: StoredSettings): WidgetSettingsForm {
  const copyIn = (language: Language) =>
    toCopyForm(
      language === settings.defaultLanguage
        ? settings
        : settings.translations?.find((copy) => copy.language === language),
    );
  return {
    copy: { en: copyIn("en"), "pt-BR": copyIn("pt-BR") },
    colors: { ...settings.colors },
    position: settings.position,
    defaultLanguage: settings.defaultLanguage,
    voice: {
      enabled: settings.voice.enabled,
      assistantId: settings.voice.assistantId ?? "",
      phoneNumber: settings.voice.phoneNumber ?? "",
    },
  };
}

/** Problems keyed by field path, empty when the form can be saved. */
export function validateForm(form: WidgetSettingsForm): Record<string, SettingsProblem> {
  const problems: Record<string, SettingsProblem> = {};
  for (const language of LANGUAGES) {
    const { greeting, suggestions } = form.copy[language];
    const path = `copy.${language}`;
    if (!greeting.trim() && language === form.defaultLanguage)
      problems[`${path}.greeting`] = "greetingRequired";
    else if (greeting.trim().length > MAX_GREETING)
      problems[`${path}.greeting`] = "greetingTooLong";
    suggestions.forEach((suggestion, index) => {
      if (suggestion.trim().length > MAX_SUGGESTION)
        problems[`${path}.suggestions.${index}`] = "suggestionTooLong";
    });
  }
  for (const key of ["primary", "background", "text"] as const) {
    if (!HEX_COLOR.test(form.colors[key])) problems[`colors.${key}`] = "invalidColor";
  }
  const phone = form.voice.phoneNumber.trim();
  if (phone && !PHONE.test(phone)) problems["voice.phoneNumber"] = "invalidPhone";
  return problems;
}

/** What the backend stores: trimmed, empty suggestions and optional fields left out. */
export function fromForm(form: WidgetSettingsForm, logoStorageId?: Id<"_storage">) {
  const assistantId = form.voice.assistantId.trim();
  const phoneNumber = form.voice.phoneNumber.trim();
  const copyOf = (language: Language) => ({
    greeting: form.copy[language].greeting.trim(),
    suggestions: form.copy[language].suggestions
      .map((suggestion) => suggestion.trim())
      .filter(Boolean),
  });
  return {
    ...copyOf(form.defaultLanguage),
    translations: LANGUAGES.filter((language) => language !== form.defaultLanguage)
      .map((language) => ({ language, ...copyOf(language) }))
      .filter((copy) => copy.greeting),
    colors: { ...form.colors },
    position: form.position,
    defaultLanguage: form.defaultLanguage,
    voice: {
      enabled: form.voice.enabled,
      ...(assistantId ? { assistantId } : {}),
      ...(phoneNumber ? { phoneNumber } : {}),
    },
    ...(logoStorageId ? { logoStorageId } : {}),
  };
}
