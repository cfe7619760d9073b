"use client";

import { ErrorView } from "@/modules/app-status/ui/views/error-view";

export default function LocaleError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <ErrorView {...props} />;
}
