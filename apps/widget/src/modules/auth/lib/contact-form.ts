/** The auth form's rules, the same as contactSessions.create applies, so the two never disagree. */
export const MAX_NAME_CHARS = 120;
export const MAX_EMAIL_CHARS = 254;
// The backend's own email check (packages/backend/convex/public/contactSessions.ts).
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ContactForm = { name: string; email: string };
export type ContactFormProblem = "nameRequired" | "nameTooLong" | "emailRequired" | "emailInvalid";
export type ContactFormErrors = Partial<Record<keyof ContactForm, ContactFormProblem>>;

export function validateContactForm(
  input: ContactForm,
): { ok: true; value: ContactForm } | { ok: false; errors: ContactFormErrors } {
  const name = input.name.trim();
  const email = input.email.trim();
  const errors: ContactFormErrors = {};
  if (!name) errors.name = "nameRequired";
  else if (name.length > MAX_NAME_CHARS) errors.name = "nameTooLong";
  if (!email) errors.email = "emailRequired";
  else if (email.length > MAX_EMAIL_CHARS || !EMAIL.test(email)) errors.email = "emailInvalid";
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, value: { name, email } };
}
