import { KnowledgeBaseView } from "@/modules/knowledge-base/ui/views/knowledge-base-view";

export default function KnowledgeBasePage() {
  return <KnowledgeBaseView />;
}
