import { IntegrationsView } from "@/modules/integrations/ui/views/integrations-view";

import { readPublicUrls } from "../../../../../../../scripts/lib/public-urls.mjs";

// The addresses are the running server's, not the build machine's.
export const dynamic = "force-dynamic";

export default function IntegrationsPage() {
  return <IntegrationsView urls={readPublicUrls(process.env)} />;
}
