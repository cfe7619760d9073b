import { runBackendFunction } from "./seed-demo.mjs";

/** The customer the embed demo page signs in, as a customer's own site signs in its users. */
export const DEMO_CUSTOMER = {
  userId: "demo-customer",
  email: "dana.demo@example.com",
  name: "Dana Demo",
};

const COOKIE = "echo_demo_customer";
const ACCOUNT_MARKER = "<!-- demo-account -->";
const TAG_MARKER = 'data-locale="en"';

const isSignedIn = (request) =>
  (request.headers.cookie ?? "").split(/;\s*/).includes(`${COOKIE}=1`);

const back = (response, cookie) =>
  response.writeHead(303, { location: "/", "set-cookie": cookie }).end();

const SIGN_IN = `<form method="post" action="/demo/sign-in"><button type="submit">Sign in as a demo customer</button></form>`;
const SIGNED_IN = `<form method="post" action="/demo/sign-out"><span>Signed in as ${DEMO_CUSTOMER.name}</span> <button type="submit">Sign out</button></form>`;

/**
 * The demo page's account: a sign-in that sets a cookie, and then the loader's tag rendered with
 * the customer's `data-user-*` identity, its hash signed by the backend with the organization's
 * identity secret (system/demoIdentity:sign), so the secret never reaches the page. `connection`
 * answers the backend's URL, admin key and the demo organization's id once they are known.
 */
export function demoSignIn(connection) {
  return {
    routes: {
      "POST /demo/sign-in": (_request, response) =>
        back(response, `${COOKIE}=1; Path=/; HttpOnly; SameSite=Lax`),
      "POST /demo/sign-out": (_request, response) =>
        back(response, `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`),
    },
    async replaceInHtml(request) {
      const { backend, adminKey, organizationId } = connection();
      if (!backend || !adminKey || !organizationId) return {};
      if (!isSignedIn(request)) return { [ACCOUNT_MARKER]: SIGN_IN };
      const { hash } = await runBackendFunction(backend, adminKey, "system/demoIdentity:sign", {
        organizationId,
        userId: DEMO_CUSTOMER.userId,
      });
      const { userId, email, name } = DEMO_CUSTOMER;
      return {
        [ACCOUNT_MARKER]: SIGNED_IN,
        [TAG_MARKER]: `${TAG_MARKER} data-user-id="${userId}" data-user-email="${email}" data-user-name="${name}" data-user-hash="${hash}"`,
      };
    },
  };
}
