import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import type { ComponentProps } from "react";

export function FormField({
  label,
  id,
  ...props
}: ComponentProps<typeof Input> & { label: string; id: string }) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={id} {...props} />
    </div>
  );
}
