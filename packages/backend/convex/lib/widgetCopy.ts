import type { WidgetCopy } from "./validators";

type Language = WidgetCopy["language"];

/** What a widget in each language says when its organization has not written its own. */
export const BUILT_IN_COPY: Record<Language, Omit<WidgetCopy, "language">> = {
  en: {
    greeting: "Hi! How can we help you today?",
    suggestions: [
      "How do I get started?",
      "What plans do you offer?",
      "How can I reset my password?",
    ],
  },
  "pt-BR": {
    greeting: "Olá! Como podemos ajudar você hoje?",
    suggestions: [
      "Como começo a usar?",
      "Quais planos vocês oferecem?",
      "Como redefino minha senha?",
    ],
  },
};

type CopySource = {
  greeting: string;
  suggestions: string[];
  defaultLanguage: Language;
  translations?: WidgetCopy[];
};

/**
 * The greeting and suggestions a widget in `language` shows: the organization's own for that
 * language, else the built-in greeting in that language (never another language's text), with
 * no suggestions, since the organization's suggestions are about its own product.
 */
export function widgetCopyFor(settings: CopySource, language: Language) {
  if (language === settings.defaultLanguage)
    return { greeting: settings.greeting, suggestions: settings.suggestions };
  const own = settings.translations?.find((copy) => copy.language === language);
  if (own?.greeting.trim()) return { greeting: own.greeting, suggestions: own.suggestions };
  return { greeting: BUILT_IN_COPY[language].greeting, suggestions: [] };
}
