import { AnalyticsView } from "@/modules/analytics/ui/views/analytics-view";

export default function AnalyticsPage() {
  return <AnalyticsView />;
}
