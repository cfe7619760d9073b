import { getFunctionName } from "convex/server";
import { ConvexError } from "convex/values";

type Reference = Parameters<typeof getFunctionName>[0];

/**
 * What a component test's Convex stands in for: a query answers `answers[name]` ("skip" answers
 * nothing) and is recorded in `queries` with its arguments at each render; a mutation or action
 * is recorded in `calls` and resolves with `answers[name]` (or null), or fails with a ConvexError
 * of the code `refusals[name]`.
 */
export const convex = {
  answers: {} as Record<string, unknown>,
  refusals: {} as Record<string, string>,
  calls: [] as { name: string; args: unknown }[],
  queries: [] as { name: string; args: unknown }[],
};

const call = (reference: Reference) => (args: unknown) => {
  const name = getFunctionName(reference);
  convex.calls.push({ name, args });
  const code = convex.refusals[name];
  return code
    ? Promise.reject(new ConvexError({ code }))
    : Promise.resolve(convex.answers[name] ?? null);
};

/**
 * Convex's React hooks, the third-party boundary of the dashboard's components. In a test file:
 * `vi.mock("convex/react", async () => (await import("@/test/convex-double")).convexReact);`
 */
export const convexReact = {
  useQuery: (reference: Reference, args?: unknown) => {
    if (args === "skip") return undefined;
    const name = getFunctionName(reference);
    convex.queries.push({ name, args });
    return convex.answers[name];
  },
  useMutation: call,
  useAction: call,
};
