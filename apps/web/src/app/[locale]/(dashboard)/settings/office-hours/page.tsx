import { OfficeHoursView } from "@/modules/office-hours/ui/views/office-hours-view";

export default function OfficeHoursPage() {
  return <OfficeHoursView />;
}
