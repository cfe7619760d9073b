import { internal } from "../../_generated/api";
import type { Id } from "../../_generated/dataModel";
import type { ActionCtx } from "../../_generated/server";
import { cloudClient } from "./cloud/client";
import { whatsappApiKeySecret, whatsappCloudSecrets } from "./connections";
import type { TemplateSend } from "./events";
import { evolutionClient } from "./evolution/client";

export type SenderTarget =
  | { gateway: "evolution"; serverUrl: string; instanceName: string }
  | { gateway: "cloud"; phoneNumberId: string; businessAccountId: string };

export type OutgoingFile = {
  blob: Blob;
  fileName: string;
  mimetype: string;
  mediatype: "image" | "video" | "document";
};

/** One gateway's way to send each kind of outbound row; each returns the provider's message id. */
export type Sender = {
  text: (number: string, text: string) => Promise<string>;
  file: (number: string, file: OutgoingFile) => Promise<string>;
  /** Only the Cloud API has templates; null elsewhere. */
  template: ((number: string, template: TemplateSend) => Promise<string>) | null;
};

const read = (ctx: ActionCtx, organizationId: string, name: string): Promise<string | null> =>
  ctx.runAction(internal.system.secrets.secrets.read, { organizationId, name });

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The connection's sender with its secrets read from the store; null when they are missing. */
export async function openSender(
  ctx: ActionCtx,
  organizationId: string,
  connectionId: Id<"whatsappConnections">,
  target: SenderTarget,
): Promise<Sender | null> {
  if (target.gateway === "evolution") {
    const apiKey = await read(ctx, organizationId, whatsappApiKeySecret(connectionId));
    if (!apiKey) return null;
    const client = evolutionClient({ ...target, apiKey });
    return {
      text: (number, text) => client.sendText(number, text),
      file: async (number, file) =>
        await client.sendMedia(number, {
          mediatype: file.mediatype,
          mimetype: file.mimetype,
          fileName: file.fileName,
          media: toBase64(await file.blob.arrayBuffer()),
        }),
      template: null,
    };
  }
  const accessToken = await read(
    ctx,
    organizationId,
    whatsappCloudSecrets(connectionId).accessToken,
  );
  if (!accessToken) return null;
  const client = cloudClient({ ...target, accessToken });
  return {
    text: (number, text) => client.sendText(number, text),
    file: (number, file) =>
      client.sendMedia(number, {
        type: file.mediatype,
        blob: new Blob([file.blob], { type: file.mimetype }),
        fileName: file.fileName,
      }),
    template: (number, template) => client.sendTemplate(number, template),
  };
}
