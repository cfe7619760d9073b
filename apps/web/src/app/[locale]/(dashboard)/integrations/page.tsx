import { IntegrationsView } from "@/modules/integrations/ui/views/integrations-view";

export default function IntegrationsPage() {
  const widgetUrl = process.env.ECHO_WIDGET_URL ?? "http://localhost:3001";
  const scriptUrl = process.env.ECHO_EMBED_SCRIPT_URL ?? "http://localhost:3002/dist/widget.js";
  return <IntegrationsView scriptUrl={scriptUrl} widgetUrl={widgetUrl} />;
}
