import { SpinnerIcon } from "@/modules/flow/ui/components/shell-icons";

/** A centered spinner with a visible, announced label. */
export function LoadingIndicator({ label }: { label: string }) {
  return (
    <div
      role="status"
      className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-sm"
    >
      <SpinnerIcon className="size-6 animate-spin" />
      <span>{label}</span>
    </div>
  );
}
