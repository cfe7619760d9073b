import { AiAgentView } from "@/modules/agent-settings/ui/views/ai-agent-view";

export default function AiAgentSettingsPage() {
  return <AiAgentView />;
}
