import { Alert } from "@echo/ui/components/alert";

export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert variant="destructive">{message}</Alert>;
}
