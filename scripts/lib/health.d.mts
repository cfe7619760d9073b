export function backendAnswers(backendUrl: string, timeoutMs?: number): Promise<boolean>;
export function readiness(
  service: string,
  backendUrl: string,
): Promise<{
  status: 200 | 503;
  body: {
    status: "ok" | "unavailable";
    service: string;
    checks: { backend: "ok" | "unreachable" };
  };
}>;
