import { describe, expect, test } from "vitest";

import { parseEvolutionWebhook, phoneOfJid } from "./payload";

const JID = "5511987654321@s.whatsapp.net";
const upsert = (message: Record<string, unknown>, key: Record<string, unknown> = {}) =>
  parseEvolutionWebhook({
    event: "messages.upsert",
    instance: "shop",
    apikey: "k",
    data: {
      key: { remoteJid: JID, fromMe: false, id: "3EB0A1", ...key },
      pushName: "Maria",
      message,
      messageTimestamp: 1760000000,
    },
  });
const contentOf = (message: Record<string, unknown>) => {
  const { event } = upsert(message);
  return event.type === "message" ? event.message.content : event;
};

describe("Evolution messages.upsert", () => {
  test("a text carries the phone in E.164, the name, the id, the time and the key", () => {
    expect(upsert({ conversation: "Olá" })).toEqual({
      apiKey: "k",
      event: {
        type: "message",
        message: {
          providerMessageId: "3EB0A1",
          phone: "+5511987654321",
          pushName: "Maria",
          sentAt: 1760000000000,
          replyToId: undefined,
          content: { type: "text", text: "Olá" },
        },
      },
    });
  });

  test("a reply names the message it quotes", () => {
    const { event } = upsert({
      extendedTextMessage: { text: "this one", contextInfo: { stanzaId: "3EB0QUOTED" } },
    });
    expect(event).toMatchObject({
      message: { replyToId: "3EB0QUOTED", content: { type: "text", text: "this one" } },
    });
  });

  test.each([
    [
      { imageMessage: { mimetype: "image/jpeg", caption: "broken" }, base64: "AAA=" },
      {
        kind: "image",
        mimeType: "image/jpeg",
        caption: "broken",
        base64: "AAA=",
        voiceNote: false,
      },
    ],
    [
      { audioMessage: { mimetype: "audio/ogg; codecs=opus", ptt: true }, base64: "BBB=" },
      { kind: "audio", mimeType: "audio/ogg", voiceNote: true, base64: "BBB=" },
    ],
    [
      { videoMessage: { mimetype: "video/mp4" } },
      { kind: "video", mimeType: "video/mp4", voiceNote: false },
    ],
    [
      { documentMessage: { mimetype: "application/pdf", fileName: "invoice.pdf" } },
      { kind: "document", fileName: "invoice.pdf" },
    ],
    [
      {
        documentWithCaptionMessage: {
          message: { documentMessage: { mimetype: "application/pdf", caption: "see" } },
        },
      },
      { kind: "document", caption: "see" },
    ],
  ])("media %#: kind, type, caption and the inline base64", (message, expected) => {
    expect(contentOf(message)).toMatchObject({ type: "media", ...expected });
  });

  test("a location, a shared contact and a reaction", () => {
    expect(
      contentOf({
        locationMessage: { degreesLatitude: -23.5, degreesLongitude: -46.6, name: "Loja" },
      }),
    ).toEqual({ type: "location", latitude: -23.5, longitude: -46.6, name: "Loja" });
    expect(
      contentOf({
        contactMessage: {
          displayName: "João",
          vcard: "BEGIN:VCARD\nTEL;type=CELL;waid=5521999990000:+55 21 99999-0000\nEND:VCARD",
        },
      }),
    ).toEqual({ type: "contact", name: "João", phone: "+5521999990000" });
    expect(contentOf({ reactionMessage: { text: "👍", key: { id: "3EB0OUT" } } })).toEqual({
      type: "reaction",
      emoji: "👍",
      targetId: "3EB0OUT",
    });
  });

  test("Echo's own sends, groups and unknown message types are ignored", () => {
    expect(upsert({ conversation: "mine" }, { fromMe: true }).event.type).toBe("ignored");
    expect(upsert({ conversation: "hi" }, { remoteJid: "1203630@g.us" }).event.type).toBe(
      "ignored",
    );
    expect(upsert({ pollCreationMessage: {} }).event.type).toBe("ignored");
  });
});

describe("Evolution messages.update and connection.update", () => {
  test.each([
    ["SERVER_ACK", "sent"],
    ["DELIVERY_ACK", "delivered"],
    ["READ", "read"],
    ["PLAYED", "read"],
    ["ERROR", "failed"],
    [3, "delivered"],
  ])("status %s is %s", (status, expected) => {
    const { event } = parseEvolutionWebhook({
      event: "messages.update",
      apikey: "k",
      data: { keyId: "3EB0OUT", remoteJid: JID, fromMe: true, status },
    });
    expect(event).toEqual({ type: "status", providerMessageId: "3EB0OUT", status: expected });
  });

  test("connection states, also with Evolution's upper-case event names", () => {
    const state = (event: string, data: unknown) =>
      parseEvolutionWebhook({ event, apikey: "k", data }).event;
    expect(state("connection.update", { state: "open" })).toEqual({
      type: "connection",
      state: "connected",
    });
    expect(state("CONNECTION_UPDATE", { state: "close" })).toEqual({
      type: "connection",
      state: "disconnected",
    });
    expect(state("qrcode.updated", { qrcode: {} })).toEqual({ type: "connection", state: "qr" });
    expect(state("chats.update", {})).toEqual({ type: "ignored" });
  });

  test("phones come from personal JIDs only", () => {
    expect(phoneOfJid("5511987654321:12@s.whatsapp.net")).toBe("+5511987654321");
    expect(phoneOfJid("status@broadcast")).toBeUndefined();
  });
});
