import "server-only";

/** The seeded demo operator, shown on the sign-in page in local mode only. */
export function demoLogin() {
  const email = process.env.ECHO_DEMO_LOGIN_EMAIL;
  const password = process.env.ECHO_DEMO_LOGIN_PASSWORD;
  return email && password ? { email, password } : null;
}
