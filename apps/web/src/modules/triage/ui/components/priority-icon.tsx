import type { Priority } from "@echo/backend/convex/lib/triage/validators";
import { cn } from "@echo/ui/lib/utils";
import {
  MinusIcon,
  SignalHighIcon,
  SignalLowIcon,
  SignalMediumIcon,
  TriangleAlertIcon,
} from "lucide-react";

const ICONS = {
  none: MinusIcon,
  low: SignalLowIcon,
  medium: SignalMediumIcon,
  high: SignalHighIcon,
  urgent: TriangleAlertIcon,
} as const;

/** A priority's icon; urgent is drawn in the destructive color so it stands out in the inbox. */
export function PriorityIcon({ priority, className }: { priority: Priority; className?: string }) {
  const Icon = ICONS[priority];
  return (
    <Icon
      aria-hidden
      className={cn("size-3.5", priority === "urgent" && "text-destructive", className)}
    />
  );
}
