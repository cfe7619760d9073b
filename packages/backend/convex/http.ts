import { httpRouter } from "convex/server";

import { api, internal } from "./_generated/api";
import * as attachments from "./attachmentRoutes";
import * as contactSessions from "./contactSessionRoutes";
import * as whatsapp from "./whatsappRoutes";
import * as whatsappCloud from "./whatsappCloudRoutes";
import { httpAction } from "./_generated/server";
import { PASSAGE_PATH, parsePassageAddress } from "./lib/knowledge/passageLink";
import { passagePage } from "./lib/knowledge/passagePage";
import { VAPI_SECRETS } from "./lib/plugins";
import { parseEndOfCallReport } from "./lib/vapiServerMessage";
import { verifyVapiSecret } from "./lib/webhooks/verifyVapiSecret";
import { logEvent } from "./lib/logging/log";
import { verifyWebhook } from "./lib/webhooks/verifyWebhook";

const http = httpRouter();

function webhook(provider: "identity" | "billing", secretName: string) {
  return httpAction(async (ctx, request) => {
    const secret = process.env[secretName];
    if (!secret) {
      logEvent("error", "webhook.notConfigured", { provider, secretName });
      return new Response("Webhook not configured", { status: 503 });
    }
    const event = verifyWebhook(secret, await request.text(), request.headers);
    if (!event) return new Response("Invalid signature", { status: 401 });
    const { duplicate } = await ctx.runMutation(internal.system.webhooks.applyEvent.applyEvent, {
      provider,
      eventId: event.eventId,
      type: event.type,
      data: JSON.stringify(event.data),
    });
    return Response.json({ received: true, duplicate });
  });
}

http.route({
  path: "/webhooks/identity",
  method: "POST",
  handler: webhook("identity", "IDENTITY_WEBHOOK_SECRET"),
});
http.route({
  path: "/webhooks/billing",
  method: "POST",
  handler: webhook("billing", "BILLING_WEBHOOK_SECRET"),
});

/**
 * Vapi server messages for one organization: the assistant's Server URL is
 * <site>/webhooks/vapi/<organizationId>, with the secret given at connect as its server secret.
 */
http.route({
  pathPrefix: "/webhooks/vapi/",
  method: "POST",
  handler: httpAction(async (ctx, request) => {
    const organizationId = decodeURIComponent(
      new URL(request.url).pathname.slice("/webhooks/vapi/".length),
    );
    const secret = organizationId
      ? await ctx.runAction(internal.system.secrets.secrets.read, {
          organizationId,
          name: VAPI_SECRETS.webhookSecret,
        })
      : null;
    // One answer for a wrong secret and an organization without voice: no probing which has it.
    if (!secret || !(await verifyVapiSecret(secret, request.headers.get("x-vapi-secret"))))
      return new Response("Invalid secret", { status: 401 });
    const report = parseEndOfCallReport(await request.json().catch(() => null));
    // Other server messages (status updates, transcripts in progress) need no reply from Echo.
    if (!report) return Response.json({ received: true });
    const { duplicate } = await ctx.runMutation(internal.system.voiceCalls.recordEndOfCall, {
      organizationId,
      ...report,
    });
    return Response.json({ received: true, duplicate });
  }),
});

// Readiness of the deployed backend for the start script, the proxy and the tests: the code is
// pushed and a query runs.
http.route({
  path: "/health",
  method: "GET",
  handler: httpAction(async (ctx) => {
    const status = await ctx.runQuery(api.health.ping, {});
    return Response.json({ status }, { headers: { "Cache-Control": "no-store" } });
  }),
});

http.route({ path: "/widget/contact-sessions", method: "POST", handler: contactSessions.create });
http.route({
  path: "/widget/contact-sessions",
  method: "OPTIONS",
  handler: contactSessions.preflight,
});
http.route({
  path: "/widget/contact-sessions/challenge",
  method: "GET",
  handler: contactSessions.challenge,
});
http.route({
  path: "/widget/contact-sessions/challenge",
  method: "OPTIONS",
  handler: contactSessions.preflight,
});

/** The public, read-only page of a section an answer cited (lib/knowledge/passageLink.ts). */
http.route({
  path: PASSAGE_PATH,
  method: "GET",
  handler: httpAction(async (ctx, request) => {
    const address = parsePassageAddress(request.url);
    const passage = address
      ? await ctx.runQuery(internal.system.knowledge.passages.section, {
          organizationId: address.organizationId,
          fileId: address.fileId,
          section: address.section,
        })
      : null;
    return new Response(passagePage(address?.language ?? "en", passage), {
      status: passage ? 200 : 404,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
      },
    });
  }),
});
http.route({ pathPrefix: "/attachments/", method: "GET", handler: attachments.download });
http.route({
  pathPrefix: whatsapp.EVOLUTION_WEBHOOK_PREFIX,
  method: "POST",
  handler: whatsapp.evolutionWebhook,
});
http.route({
  pathPrefix: whatsappCloud.CLOUD_WEBHOOK_PREFIX,
  method: "GET",
  handler: whatsappCloud.cloudVerify,
});
http.route({
  pathPrefix: whatsappCloud.CLOUD_WEBHOOK_PREFIX,
  method: "POST",
  handler: whatsappCloud.cloudWebhook,
});

export default http;
