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

export type CloudRequest = { method: string; path: string; body: unknown };
export type CloudSent = { id: string; to: string; type: string; body: Record<string, unknown> };
export type CloudTemplate = {
  name: string;
  language: string;
  status: "APPROVED" | "PENDING" | "REJECTED";
  category: string;
  body: string;
};
export type PhoneMessageInput = {
  phone: string;
  name?: string;
  text?: string;
  type?: string;
  content?: Record<string, unknown>;
  contacts?: Record<string, unknown>[];
  replyTo?: string;
  timestamp?: number;
};
export type FakeCloudApi = {
  url: string;
  ids: { phoneNumberId: string; businessAccountId: string; displayPhoneNumber: string };
  accessToken: string;
  appSecret: string;
  setWebhook: (url: string | null) => void;
  requests: () => CloudRequest[];
  sent: () => CloudSent[];
  sendFromPhone: (input: PhoneMessageInput) => Promise<{ id: string; response: Response }>;
  sendStatus: (
    status: {
      id: string;
      status: "sent" | "delivered" | "read" | "failed";
      error?: { code: number; title: string; details?: string };
    } & { recipient?: string },
  ) => Promise<Response>;
  postWebhook: (body: unknown, signature?: string | null) => Promise<Response>;
  addMedia: (bytes: Uint8Array, mimeType: string) => string;
  failNextSends: (status: number, count?: number, code?: number) => void;
  close: () => Promise<void>;
};

export function startFakeCloudApi(options?: {
  port?: number;
  host?: string;
  phoneNumberId?: string;
  businessAccountId?: string;
  displayPhoneNumber?: string;
  verifiedName?: string;
  accessToken?: string;
  appSecret?: string;
  templates?: CloudTemplate[];
  autoStatuses?: boolean;
}): Promise<FakeCloudApi>;
