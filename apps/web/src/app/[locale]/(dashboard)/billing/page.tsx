import { BillingView } from "@/modules/billing/ui/views/billing-view";

export default function BillingPage() {
  return <BillingView />;
}
