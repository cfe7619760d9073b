import { NotFoundView } from "@/modules/app-status/ui/views/not-found-view";

export default function NotFound() {
  return <NotFoundView />;
}
