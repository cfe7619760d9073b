// How long the widget's proof-of-work takes with the backend's default difficulty, solved with the
// same library and algorithm the widget uses (altcha-lib, PBKDF2/SHA-256, one thread), and how
// long the backend takes to issue and to verify one. Node's WebCrypto stands in for a browser's.
// Usage: node bench/proof-of-work.mjs [samples]   (ECHO_POW_COST / ECHO_POW_MAX_COUNTER apply)
import { createChallenge, randomInt, solveChallenge, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";

const samples = Number(process.argv[2] ?? 10);
const positive = (value, fallback) =>
  Number.isInteger(Number(value)) && Number(value) > 0 ? Number(value) : fallback;
// The defaults of convex/lib/abuse/proofOfWork.ts.
const cost = positive(process.env.ECHO_POW_COST, 1000);
const maxCounter = positive(process.env.ECHO_POW_MAX_COUNTER, 1500);
const secrets = { hmacSignatureSecret: "bench:challenge", hmacKeySignatureSecret: "bench:key" };

const issue = [];
const solve = [];
const verify = [];
for (let i = 0; i < samples; i++) {
  let start = performance.now();
  const challenge = await createChallenge({
    algorithm: "PBKDF2/SHA-256",
    cost,
    counter: randomInt(Math.ceil(maxCounter / 3), maxCounter),
    deriveKey,
    ...secrets,
  });
  issue.push(performance.now() - start);
  start = performance.now();
  const solution = await solveChallenge({ challenge, deriveKey });
  solve.push(performance.now() - start);
  start = performance.now();
  const { verified } = await verifySolution({ challenge, solution, deriveKey, ...secrets });
  verify.push(performance.now() - start);
  if (!verified) throw new Error("a solution failed verification");
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms`;
};
console.info(
  `proof-of-work: PBKDF2/SHA-256, cost ${cost}, counter up to ${maxCounter}, ${samples} samples`,
);
console.info(`  solve (client):   ${stats(solve)}`);
console.info(`  issue (backend):  ${stats(issue)}`);
console.info(`  verify (backend): ${stats(verify)}`);
