import { describe, expect, test } from "vitest";

import { parseCloudWebhook } from "./payload";

const FROM = "5511987654321";

/** One Cloud API webhook body with these messages and statuses, as Meta posts it. */
function body(value: { messages?: unknown[]; statuses?: unknown[] }) {
  return {
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550104477", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: "Maria Silva" }, wa_id: FROM }],
              ...value,
            },
          },
        ],
      },
    ],
  };
}

const message = (type: string, fields: Record<string, unknown>) =>
  parseCloudWebhook(
    body({ messages: [{ from: FROM, id: "wamid.A1", timestamp: "1765000000", type, ...fields }] }),
  );

describe("Cloud API messages", () => {
  test("text, with the sender's profile name, E.164 phone and time", () => {
    expect(message("text", { text: { body: "Olá" } })).toEqual([
      {
        type: "message",
        message: {
          providerMessageId: "wamid.A1",
          phone: `+${FROM}`,
          pushName: "Maria Silva",
          sentAt: 1765000000_000,
          replyToId: undefined,
          content: { type: "text", text: "Olá" },
        },
      },
    ]);
  });

  test("a reply names the message it quotes", () => {
    const [event] = message("text", {
      text: { body: "this one" },
      context: { from: FROM, id: "wamid.QUOTED" },
    });
    expect(event).toMatchObject({ message: { replyToId: "wamid.QUOTED" } });
  });

  test("an image carries its media id, type and caption", () => {
    const [event] = message("image", {
      image: { id: "1479537139650973", mime_type: "image/jpeg", sha256: "x", caption: "the box" },
    });
    expect(event).toMatchObject({
      message: {
        content: {
          type: "media",
          kind: "image",
          mimeType: "image/jpeg",
          caption: "the box",
          mediaId: "1479537139650973",
          voiceNote: false,
        },
      },
    });
  });

  test("a voice note is audio marked as voice; other audio is not", () => {
    const voice = message("audio", {
      audio: { id: "m1", mime_type: "audio/ogg; codecs=opus", voice: true },
    });
    const song = message("audio", { audio: { id: "m2", mime_type: "audio/mpeg" } });
    expect(voice[0]).toMatchObject({
      message: { content: { kind: "audio", mimeType: "audio/ogg", voiceNote: true } },
    });
    expect(song[0]).toMatchObject({ message: { content: { kind: "audio", voiceNote: false } } });
  });

  test("video, document (with its file name) and sticker", () => {
    expect(message("video", { video: { id: "v1", mime_type: "video/mp4" } })[0]).toMatchObject({
      message: { content: { kind: "video", mediaId: "v1" } },
    });
    expect(
      message("document", {
        document: { id: "d1", mime_type: "application/pdf", filename: "invoice.pdf", caption: "x" },
      })[0],
    ).toMatchObject({
      message: { content: { kind: "document", fileName: "invoice.pdf", mediaId: "d1" } },
    });
    expect(message("sticker", { sticker: { id: "s1", mime_type: "image/webp" } })[0]).toMatchObject(
      { message: { content: { kind: "image", mimeType: "image/webp" } } },
    );
  });

  test("location, with its name or address", () => {
    expect(
      message("location", {
        location: { latitude: -23.55, longitude: -46.63, name: "Loja Centro", address: "Rua A" },
      })[0],
    ).toMatchObject({
      message: {
        content: { type: "location", latitude: -23.55, longitude: -46.63, name: "Loja Centro" },
      },
    });
  });

  test("a shared contact card", () => {
    expect(
      message("contacts", {
        contacts: [
          {
            name: { formatted_name: "João Souza", first_name: "João" },
            phones: [{ phone: "+55 11 91234-5678", wa_id: "5511912345678", type: "CELL" }],
          },
        ],
      })[0],
    ).toMatchObject({
      message: { content: { type: "contact", name: "João Souza", phone: "+5511912345678" } },
    });
  });

  test("a reaction names the message it reacts to", () => {
    expect(
      message("reaction", { reaction: { message_id: "wamid.OURS", emoji: "👍" } })[0],
    ).toMatchObject({
      message: { content: { type: "reaction", emoji: "👍", targetId: "wamid.OURS" } },
    });
  });

  test("a tapped button or list row reads as its text", () => {
    expect(message("button", { button: { text: "Yes", payload: "YES" } })[0]).toMatchObject({
      message: { content: { type: "text", text: "Yes" } },
    });
    expect(
      message("interactive", {
        interactive: { type: "button_reply", button_reply: { id: "b1", title: "Talk to us" } },
      })[0],
    ).toMatchObject({ message: { content: { type: "text", text: "Talk to us" } } });
  });

  test("unsupported types, bad numbers and other fields are left out", () => {
    expect(message("unsupported", { errors: [{ code: 131051 }] })).toEqual([]);
    expect(
      parseCloudWebhook(
        body({ messages: [{ from: "abc", id: "x", type: "text", text: { body: "hi" } }] }),
      ),
    ).toEqual([]);
    expect(
      parseCloudWebhook({
        object: "whatsapp_business_account",
        entry: [{ changes: [{ field: "account_update", value: { messages: [{}] } }] }],
      }),
    ).toEqual([]);
    expect(parseCloudWebhook(null)).toEqual([]);
  });

  test("several messages and statuses in one body all come out, in order", () => {
    const events = parseCloudWebhook(
      body({
        messages: [
          { from: FROM, id: "m1", timestamp: "1", type: "text", text: { body: "one" } },
          { from: FROM, id: "m2", timestamp: "2", type: "text", text: { body: "two" } },
        ],
        statuses: [{ id: "wamid.S", status: "read", timestamp: "3", recipient_id: FROM }],
      }),
    );
    expect(events.map((e) => e.type)).toEqual(["message", "message", "status"]);
  });
});

describe("Cloud API statuses", () => {
  test("sent, delivered and read map to Echo's statuses", () => {
    for (const status of ["sent", "delivered", "read"] as const)
      expect(
        parseCloudWebhook(
          body({ statuses: [{ id: "wamid.S", status, timestamp: "1", recipient_id: FROM }] }),
        ),
      ).toEqual([{ type: "status", providerMessageId: "wamid.S", status }]);
  });

  test("failed carries the error's title, code and details", () => {
    expect(
      parseCloudWebhook(
        body({
          statuses: [
            {
              id: "wamid.S",
              status: "failed",
              timestamp: "1",
              recipient_id: FROM,
              errors: [
                {
                  code: 131047,
                  title: "Re-engagement message",
                  message: "Re-engagement message",
                  error_data: {
                    details: "Message failed to send because more than 24 hours have passed",
                  },
                },
              ],
            },
          ],
        }),
      ),
    ).toEqual([
      {
        type: "status",
        providerMessageId: "wamid.S",
        status: "failed",
        reason:
          "Re-engagement message (131047): Message failed to send because more than 24 hours have passed",
      },
    ]);
  });

  test("an unknown status (deleted) is left out", () => {
    expect(
      parseCloudWebhook(body({ statuses: [{ id: "wamid.S", status: "deleted", timestamp: "1" }] })),
    ).toEqual([]);
  });
});
