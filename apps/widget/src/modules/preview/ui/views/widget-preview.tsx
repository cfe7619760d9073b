"use client";

import { NextIntlClientProvider } from "next-intl";

// Relative imports only: this view is rendered by the dashboard (apps/web), whose "@/" is its own.
import type { Locale } from "../../../../i18n/locales";
import type { Messages } from "../../../../i18n/message-catalog";
import { shellText } from "../../../../i18n/shell-text";
import { brandStyle, type BrandColors } from "../../../branding/lib/brand-style";
import { Composer } from "../../../chat/ui/components/composer";
import { MessageBubble } from "../../../chat/ui/components/message-bubble";
import { SuggestionList } from "../../../chat/ui/components/suggestion-list";
import { WidgetHeader } from "../../../flow/ui/components/widget-header";

export { LauncherPreview } from "../components/launcher-preview";

export type WidgetPreviewProps = {
  locale: Locale;
  /** The widget's own messages for `locale` (`@echo/widget/messages/<locale>.json`). */
  messages: Messages;
  organizationName: string;
  logoUrl: string | null;
  colors: BrandColors;
  greeting: string;
  suggestions: readonly string[];
};

const ignore = () => undefined;

/**
 * The widget's new-chat screen as a visitor sees it, from the widget's own header, bubble,
 * suggestions and composer, for the dashboard's customization preview. Nothing in it acts.
 */
export function WidgetPreview({
  locale,
  messages,
  organizationName,
  logoUrl,
  colors,
  greeting,
  suggestions,
}: WidgetPreviewProps) {
  const text = shellText(locale, messages, organizationName);
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      <div
        lang={locale}
        style={brandStyle(colors)}
        className="flex h-full flex-col overflow-hidden bg-background text-foreground"
      >
        <WidgetHeader
          title={organizationName}
          subtitle={text.screenTitles.chat}
          logoUrl={logoUrl}
          text={text}
          onBack={ignore}
          onClose={ignore}
        />
        <div className="flex min-h-0 flex-1 flex-col gap-3 overflow-hidden p-3">
          <ol className="flex flex-col gap-3">
            <MessageBubble
              message={{
                key: "greeting",
                role: "assistant",
                text: greeting,
                status: "success",
                author: "agent",
              }}
            />
          </ol>
          <SuggestionList suggestions={suggestions} disabled={false} onPick={ignore} />
        </div>
        <Composer
          draft=""
          onDraftChange={ignore}
          onSend={ignore}
          sending={false}
          error={null}
          autoFocus={false}
        />
      </div>
    </NextIntlClientProvider>
  );
}
