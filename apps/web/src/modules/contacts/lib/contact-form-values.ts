import { toFieldText } from "./custom-field-values";

/** What the contact form edits, as text fields; lists are comma or newline separated. */
export type ContactFormValues = {
  name: string;
  emails: string;
  phones: string;
  company: string;
  stage: string;
  tags: string;
  /** Custom field values as text, by key (lib/custom-field-values.ts). */
  customFields: Record<string, string>;
};

export const STAGES = ["lead", "prospect", "customer", "churned"] as const;
export type Stage = (typeof STAGES)[number];
export const NO_STAGE = "none";

export const CHANNELS = ["widget", "whatsapp", "manual", "import"] as const;
export type Channel = (typeof CHANNELS)[number];

const splitList = (text: string) =>
  text
    .split(/[,\n;]/)
    .map((item) => item.trim())
    .filter(Boolean);

const isStage = (value: string): value is Stage => (STAGES as readonly string[]).includes(value);

/** The form's text as the backend's contact fields; the backend validates and normalizes. */
export function toContactInput(values: ContactFormValues) {
  return {
    name: values.name.trim(),
    emails: splitList(values.emails),
    phones: splitList(values.phones),
    company: values.company.trim(),
    tags: splitList(values.tags),
    ...(isStage(values.stage) ? { stage: values.stage } : {}),
  };
}

export function toFormValues(contact?: {
  name: string;
  emails: string[];
  phones: string[];
  company?: string;
  stage?: string;
  tags: string[];
  customFields?: Record<string, string | number | boolean>;
}): ContactFormValues {
  return {
    name: contact?.name ?? "",
    emails: contact?.emails.join(", ") ?? "",
    phones: contact?.phones.join(", ") ?? "",
    company: contact?.company ?? "",
    stage: contact?.stage ?? NO_STAGE,
    tags: contact?.tags.join(", ") ?? "",
    customFields: Object.fromEntries(
      Object.entries(contact?.customFields ?? {}).map(([key, value]) => [key, toFieldText(value)]),
    ),
  };
}
