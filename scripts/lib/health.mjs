/**
 * Health answers shared by the start script and both Next apps: liveness is "this process
 * answers"; readiness adds "the Convex backend runs the deployed Echo functions".
 */

/** True when the backend at `backendUrl` answers the health:ping query within `timeoutMs`. */
export async function backendAnswers(backendUrl, timeoutMs = 3000) {
  try {
    const response = await fetch(`${backendUrl}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "health:ping", args: {}, format: "json" }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const payload = await response.json().catch(() => null);
    return response.ok && payload?.status === "success" && payload.value === "ok";
  } catch {
    return false;
  }
}

/** The JSON body and status of a service's readiness answer. */
export async function readiness(service, backendUrl) {
  const backend = (await backendAnswers(backendUrl)) ? "ok" : "unreachable";
  return {
    status: backend === "ok" ? 200 : 503,
    body: { status: backend === "ok" ? "ok" : "unavailable", service, checks: { backend } },
  };
}
