// The package's types for consumers that do not import .ts paths (the backend's tsconfig);
// src/mailSink.ts is the implementation and must keep this shape.
export type CaughtMail = {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
};

export type MailSink = {
  smtpUrl: string;
  webUrl: string;
  messages: () => CaughtMail[];
  close: () => Promise<void>;
};

export function startMailSink(options: {
  smtpPort: number;
  httpPort: number;
  host?: string;
  file?: string;
}): Promise<MailSink>;
