// Seeds local mode idempotently: a demo operator and organization in the identity provider, and
// the same organization's settings and knowledge base in the backend.

export const DEMO_LOGIN = {
  email: "demo@echo.local",
  password: "echo-demo-2026",
  name: "Demo Operator",
};
// The demo brand is Nimbus, a cloud notebook: the knowledge base, the greeting and the embed demo
// page all speak of it. Data from earlier runs has the organization under its former slug.
const DEMO_ORGANIZATION = { name: "Nimbus (demo)", slug: "nimbus-demo" };
const FORMER_DEMO_SLUGS = ["echo-demo"];

function cookiesOf(response) {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function identityCall(dashboard, path, { body, cookies } = {}) {
  const response = await fetch(`${dashboard}/api/auth${path}`, {
    method: body ? "POST" : "GET",
    headers: {
      origin: dashboard,
      ...(body ? { "content-type": "application/json" } : {}),
      ...(cookies ? { cookie: cookies } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const payload = await response.json().catch(() => null);
  return { response, payload };
}

async function signInDemoOperator(dashboard) {
  const signIn = await identityCall(dashboard, "/sign-in/email", {
    body: { email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
  });
  if (signIn.response.ok) return cookiesOf(signIn.response);
  const signUp = await identityCall(dashboard, "/sign-up/email", { body: DEMO_LOGIN });
  if (!signUp.response.ok) {
    throw new Error(
      `could not create the demo operator: HTTP ${signUp.response.status} ${JSON.stringify(signUp.payload)}`,
    );
  }
  return cookiesOf(signUp.response);
}

async function ensureDemoOrganization(dashboard, cookies) {
  const list = await identityCall(dashboard, "/organization/list", { cookies });
  if (!list.response.ok)
    throw new Error(`could not list organizations: HTTP ${list.response.status}`);
  const existing = list.payload.find((organization) =>
    [DEMO_ORGANIZATION.slug, ...FORMER_DEMO_SLUGS].includes(organization.slug),
  );
  if (existing) return existing;
  const created = await identityCall(dashboard, "/organization/create", {
    body: DEMO_ORGANIZATION,
    cookies,
  });
  if (!created.response.ok) {
    throw new Error(
      `could not create the demo organization: HTTP ${created.response.status} ${JSON.stringify(created.payload)}`,
    );
  }
  return created.payload;
}

/** Calls a backend function as admin, the way `npx convex run` does. */
export async function runBackendFunction(backend, adminKey, path, args) {
  const response = await fetch(`${backend}/api/function`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Convex ${adminKey}` },
    body: JSON.stringify({ path, args, format: "convex_encoded_json" }),
  });
  const payload = await response.json().catch(() => null);
  if (!response.ok || payload?.status !== "success") {
    throw new Error(
      `${path} failed: HTTP ${response.status} ${payload?.errorMessage ?? JSON.stringify(payload)}`,
    );
  }
  return payload.value;
}

export async function seedDemo({ dashboard, backend, adminKey, whatsapp = null }) {
  const cookies = await signInDemoOperator(dashboard);
  const organization = await ensureDemoOrganization(dashboard, cookies);
  if (backend && adminKey) {
    await runBackendFunction(backend, adminKey, "system/seed:seed", {
      organizationId: organization.id,
      name: organization.name,
    });
    // The demo organization's WhatsApp number is the local simulator's instance.
    if (whatsapp)
      await runBackendFunction(backend, adminKey, "system/whatsapp/demo:connect", {
        organizationId: organization.id,
        ...whatsapp,
      });
  }
  return { login: DEMO_LOGIN, organizationId: organization.id };
}
