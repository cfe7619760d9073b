import type { Id } from "@echo/backend/convex/_generated/dataModel";

export type WidgetSettingsForm = {
  greeting: string;
  suggestions: [string, string, string];
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

type StoredSettings = {
  greeting: string;
  suggestions: string[];
  colors: { primary: string; background: string; text: string };
  position: "bottom-right" | "bottom-left";
  defaultLanguage: "en" | "pt-BR";
  voice: { enabled: boolean; assistantId?: string; phoneNumber?: string };
};

/** The editable form of stored settings: always three suggestion fields, empty strings for unset. */
export function toForm(settings: StoredSettings): WidgetSettingsForm {
  const [a = "", b = "", c = ""] = settings.suggestions;
  return {
    greeting: settings.greeting,
    suggestions: [a, b, c],
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
  const greeting = form.greeting.trim();
  if (!greeting) problems.greeting = "greetingRequired";
  else if (greeting.length > MAX_GREETING) problems.greeting = "greetingTooLong";
  form.suggestions.forEach((suggestion, index) => {
    if (suggestion.trim().length > MAX_SUGGESTION)
      problems[`suggestions.${index}`] = "suggestionTooLong";
  });
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
  return {
    greeting: form.greeting.trim(),
    suggestions: form.suggestions.map((suggestion) => suggestion.trim()).filter(Boolean),
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
