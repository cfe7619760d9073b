import { ResetPasswordView } from "@/modules/auth/ui/views/reset-password-view";

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string }>;
}) {
  const { token } = await searchParams;
  return <ResetPasswordView token={token ?? null} />;
}
