import { httpRouter } from "convex/server";

import { internal } from "./_generated/api";
import { httpAction } from "./_generated/server";
import { verifyWebhook } from "./system/webhooks/verifyWebhook";

const http = httpRouter();

function webhook(provider: "identity" | "billing", secretName: string) {
  return httpAction(async (ctx, request) => {
    const secret = process.env[secretName];
    if (!secret) {
      console.error("Webhook secret is not configured", { provider, secretName });
      return new Response("Webhook not configured", { status: 503 });
    }
    const event = verifyWebhook(secret, await request.text(), request.headers);
    if (!event) return new Response("Invalid signature", { status: 401 });
    const { duplicate } = await ctx.runMutation(internal.system.webhooks.applyEvent.applyEvent, { provider, ...event });
    return Response.json({ received: true, duplicate });
  });
}

http.route({ path: "/webhooks/identity", method: "POST", handler: webhook("identity", "IDENTITY_WEBHOOK_SECRET") });
http.route({ path: "/webhooks/billing", method: "POST", handler: webhook("billing", "BILLING_WEBHOOK_SECRET") });

export default http;
