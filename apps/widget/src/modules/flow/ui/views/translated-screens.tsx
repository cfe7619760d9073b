"use client";

import type { ComponentProps } from "react";

import { WidgetIntl } from "@/i18n/widget-intl";
import { AuthScreen } from "@/modules/auth/ui/views/auth-screen";
import { ErrorScreen } from "@/modules/error/ui/views/error-screen";

// The screens the server renders into the first paint but the first load does not carry: they
// hydrate from this chunk, each inside next-intl's provider, which arrives with them.

export function TranslatedAuthScreen(props: ComponentProps<typeof AuthScreen>) {
  return (
    <WidgetIntl>
      <AuthScreen {...props} />
    </WidgetIntl>
  );
}

export function TranslatedErrorScreen(props: ComponentProps<typeof ErrorScreen>) {
  return (
    <WidgetIntl>
      <ErrorScreen {...props} />
    </WidgetIntl>
  );
}
