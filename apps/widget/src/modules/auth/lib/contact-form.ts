import * as z from "zod/mini";

/** Same limits as the backend's contactSessions.create; messages are keys into auth.errors. */
export const contactFormSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, "nameRequired"), z.maxLength(120, "nameTooLong")),
  email: z
    .string()
    .check(z.trim(), z.minLength(1, "emailRequired"), z.maxLength(254, "emailInvalid"), z.email("emailInvalid")),
});

export type ContactForm = z.infer<typeof contactFormSchema>;
export type ContactFormErrors = Partial<Record<keyof ContactForm, string>>;

export function validateContactForm(
  input: ContactForm,
): { ok: true; value: ContactForm } | { ok: false; errors: ContactFormErrors } {
  const result = contactFormSchema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: ContactFormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as keyof ContactForm;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}
