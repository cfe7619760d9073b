import { useTranslations } from "next-intl";

import type { PublicUrl, PublicUrlKey } from "../../../../../../../scripts/lib/public-urls.mjs";

export type DeploymentUrlList = Record<PublicUrlKey, PublicUrl>;

const SHOWN: PublicUrlKey[] = ["widget", "embedScript", "dashboard", "backend", "site"];

/** The addresses this deployment hands out, and which of them are local defaults. */
export function DeploymentUrls({ urls }: { urls: DeploymentUrlList }) {
  const t = useTranslations("deploymentUrls");
  const snippetUnset = [urls.widget, urls.embedScript].filter((url) => !url.configured);
  return (
    <div className="grid gap-2">
      {snippetUnset.length > 0 && (
        <p
          role="status"
          data-testid="snippet-urls-unset"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-50"
        >
          {t("snippetUnset", {
            count: snippetUnset.length,
            variables: snippetUnset.map((url) => url.name).join(", "),
          })}
        </p>
      )}
      <h2 className="text-sm font-medium">{t("title")}</h2>
      <dl className="grid gap-1 text-xs sm:grid-cols-[max-content_1fr] sm:gap-x-4">
        {SHOWN.map((key) => (
          <div key={key} className="contents" data-testid={`deployment-url-${key}`}>
            <dt className="text-muted-foreground">{t(`service.${key}`)}</dt>
            <dd className="min-w-0 break-all">
              <code>{urls[key].value}</code>{" "}
              <span className="text-muted-foreground">
                {urls[key].configured
                  ? t("configured", { variable: urls[key].name })
                  : t("notConfigured", { variable: urls[key].name })}
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
