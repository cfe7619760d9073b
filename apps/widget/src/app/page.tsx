import { convexSiteUrl, convexUrl } from "@/modules/convex/convex-url";
import { loadInitialState } from "@/modules/flow/server/load-initial-state";
import { WidgetApp } from "@/modules/flow/ui/views/widget-app";

export default async function WidgetPage({ searchParams }: PageProps<"/">) {
  const params = await searchParams;
  const organizationId = typeof params.organizationId === "string" ? params.organizationId : "";
  return (
    <WidgetApp
      convexUrl={convexUrl()}
      convexSiteUrl={convexSiteUrl()}
      organizationId={organizationId}
      initialState={await loadInitialState(organizationId)}
    />
  );
}
