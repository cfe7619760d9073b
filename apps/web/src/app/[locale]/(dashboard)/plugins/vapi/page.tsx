import { VapiPluginView } from "@/modules/plugins/ui/views/vapi-plugin-view";

export default function VapiPluginPage() {
  return <VapiPluginView />;
}
