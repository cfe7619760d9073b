import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

/** How long a visitor has between the widget fetching a challenge and sending the form. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
const ALGORITHM = "PBKDF2/SHA-256";

/**
 * Work per session: the solver derives keys for counters up to a secret one, `cost` PBKDF2
 * rounds each. The defaults take a browser about a second, spent while the visitor types.
 */
export function powDifficulty(env: Record<string, string | undefined> = process.env) {
  const positive = (value: string | undefined, fallback: number) => {
    const parsed = Number(value);
    return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
  };
  return {
    cost: positive(env.ECHO_POW_COST, 1000),
    maxCounter: positive(env.ECHO_POW_MAX_COUNTER, 1500),
  };
}

const secrets = (key: string) => ({
  hmacSignatureSecret: `${key}:challenge`,
  hmacKeySignatureSecret: `${key}:derived-key`,
});

/** A signed challenge bound to one organization's widget. */
export async function createSessionChallenge(
  key: string,
  organizationId: string,
  now = Date.now(),
): Promise<Challenge> {
  const { cost, maxCounter } = powDifficulty();
  return await createChallenge({
    algorithm: ALGORITHM,
    cost,
    counter: randomInt(Math.ceil(maxCounter / 3), maxCounter),
    deriveKey,
    data: { organizationId },
    expiresAt: Math.floor((now + CHALLENGE_TTL_MS) / 1000),
    ...secrets(key),
  });
}

export type SolvedChallenge = {
  challenge: Challenge;
  solution: { counter: number; derivedKey: string };
};

/**
 * The solved challenge's signature (unique per challenge, for refusing a replay) and its expiry,
 * or null when the solution, the signature, the expiry or the organization does not hold.
 */
export async function verifySessionChallenge(
  key: string,
  organizationId: string,
  payload: unknown,
): Promise<{ signature: string; expiresAt: number } | null> {
  if (!isSolvedChallenge(payload)) return null;
  const { challenge, solution } = payload;
  if (challenge.parameters.algorithm !== ALGORITHM) return null;
  if (challenge.parameters.data?.organizationId !== organizationId) return null;
  const result = await verifySolution({ challenge, solution, deriveKey, ...secrets(key) }).catch(
    () => null,
  );
  if (!result?.verified || !challenge.signature || !challenge.parameters.expiresAt) return null;
  return { signature: challenge.signature, expiresAt: challenge.parameters.expiresAt * 1000 };
}

function isSolvedChallenge(value: unknown): value is SolvedChallenge {
  const candidate = value as Partial<SolvedChallenge> | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.challenge?.parameters === "object" &&
    candidate.challenge.parameters !== null &&
    typeof candidate.challenge.signature === "string" &&
    typeof candidate.solution === "object" &&
    candidate.solution !== null
  );
}
