import { describe, expect, it } from "vitest";
import { FunctionError } from "../errors/errors.ts";
import { withTimeout } from "./execution-timeout.ts";

describe("withTimeout", () => {
  it("passes on the value or the error of a call that settles within its limit", async () => {
    await expect(withTimeout(Promise.resolve(42), 60_000, "late")).resolves.toBe(42);
    const thrown = new Error("failed inside");
    await expect(withTimeout(Promise.reject(thrown), 60_000, "late")).rejects.toBe(thrown);
  });

  it("fails a call that never settles with a FunctionError carrying the given message", async () => {
    const never = new Promise<never>(() => {});
    const outcome = withTimeout(never, 1, "Function execution timed out (maximum duration: 1ms)");
    await expect(outcome).rejects.toBeInstanceOf(FunctionError);
    await expect(outcome).rejects.toThrow("Function execution timed out (maximum duration: 1ms)");
  });

  it("keeps the first outcome: a call settling after its limit does not change the answer", async () => {
    let finish!: (value: string) => void;
    const slow = new Promise<string>((resolve) => (finish = resolve));
    const outcome = withTimeout(slow, 1, "timed out");
    await expect(outcome).rejects.toThrow("timed out");
    finish("too late");
    await expect(outcome).rejects.toThrow("timed out");
  });
});
