import type { Challenge, Solution } from "altcha-lib";

/** A solved proof-of-work, as `POST /widget/contact-sessions` expects it in `proof`. */
export type SessionProof = { challenge: Challenge; solution: Solution };

// The backend's challenges live 10 minutes; one older than this is fetched anew.
const FRESH_MS = 9 * 60 * 1000;

/**
 * Fetches a challenge from `GET <site>/widget/contact-sessions/challenge` and solves it. The solver
 * (altcha-lib) is loaded only here, so it never weighs on the widget's first load.
 */
export async function solveSessionChallenge(
  siteUrl: string,
  organizationId: string,
): Promise<SessionProof> {
  const [response, { solveChallenge }, { deriveKey }] = await Promise.all([
    fetch(
      `${siteUrl}/widget/contact-sessions/challenge?organizationId=${encodeURIComponent(organizationId)}`,
    ),
    import("altcha-lib"),
    import("altcha-lib/algorithms/web/pbkdf2"),
  ]);
  if (!response.ok) throw new Error(`challenge request failed: ${response.status}`);
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error("challenge not solved in time");
  return { challenge, solution };
}

type Pending = { key: string; startedAt: number; proof: Promise<SessionProof> };
let pending: Pending | null = null;

/**
 * Starts solving in the background (while the visitor types), so the proof is usually ready by
 * the time they send the form.
 */
export function prepareSessionProof(siteUrl: string, organizationId: string): void {
  const key = `${siteUrl} ${organizationId}`;
  if (pending?.key === key && Date.now() - pending.startedAt < FRESH_MS) return;
  const proof = solveSessionChallenge(siteUrl, organizationId);
  // A failure here is retried by takeSessionProof; an unobserved rejection would only be noise.
  proof.catch(() => undefined);
  pending = { key, startedAt: Date.now(), proof };
}

/** The prepared proof, spent by this call (each one creates one session), or a fresh one. */
export async function takeSessionProof(
  siteUrl: string,
  organizationId: string,
): Promise<SessionProof> {
  prepareSessionProof(siteUrl, organizationId);
  const taken = pending!;
  pending = null;
  return await taken.proof.catch(() => solveSessionChallenge(siteUrl, organizationId));
}
