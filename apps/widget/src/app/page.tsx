import { convexUrl } from "@/modules/convex/convex-url";
import { WidgetApp } from "@/modules/flow/ui/views/widget-app";

export default async function WidgetPage({ searchParams }: PageProps<"/">) {
  const { organizationId } = await searchParams;
  return (
    <WidgetApp
      convexUrl={convexUrl()}
      organizationId={typeof organizationId === "string" ? organizationId : ""}
      vapiPublicKey={process.env.ECHO_VAPI_PUBLIC_KEY ?? null}
    />
  );
}
