import { CustomizationView } from "@/modules/customization/ui/views/customization-view";

export default function CustomizationPage() {
  return <CustomizationView />;
}
