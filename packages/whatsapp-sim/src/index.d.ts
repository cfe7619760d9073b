// The package's types for consumers that do not import .ts paths (the backend's tsconfig);
// src/simulator.ts is the implementation and must keep this shape.
export type SimMessage = {
  id: string;
  direction: "in" | "out";
  phone: string;
  name?: string;
  text?: string;
  media?: { mediatype: string; mimetype: string; fileName?: string; dataUrl: string };
  status: "sent" | "delivered" | "read";
  at: string;
};

export type PhoneInput = {
  phone: string;
  name?: string;
  text?: string;
  image?: { base64: string; mimetype: string; fileName?: string };
  replyTo?: string;
};

export type WhatsAppSim = {
  url: string;
  instanceName: string;
  apiKey: string;
  webhookUrl: () => string | null;
  messages: () => SimMessage[];
  sendFromPhone: (input: PhoneInput) => Promise<SimMessage>;
  failNextSends: (status: number, count?: number) => void;
  omitMediaBase64: (omit?: boolean) => void;
  failNextMediaDownloads: (status: number, count?: number) => void;
  close: () => Promise<void>;
};

export function startWhatsAppSim(options: {
  port: number;
  host?: string;
  instanceName?: string;
  apiKey: string;
  file?: string;
  webhookBase64?: boolean;
}): Promise<WhatsAppSim>;
