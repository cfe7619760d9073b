import { ForgotPasswordView } from "@/modules/auth/ui/views/forgot-password-view";

export default function ForgotPasswordPage() {
  return <ForgotPasswordView />;
}
