import type { JSONValue } from "convex/values";
import { FunctionError } from "../errors/errors.ts";
import type { Frame } from "../execution/frame.ts";
import { insertSystem, tableForId } from "../syscalls/db-syscalls.ts";

type ScheduleArgs = {
  name?: string;
  reference?: string;
  functionHandle?: string;
  ts: number;
  args: JSONValue;
};

/** `ctx.scheduler.runAfter/runAt`: a `_scheduled_functions` row written in the caller's transaction. */
export async function scheduleJob(frame: Frame, args: ScheduleArgs): Promise<string> {
  const target = frame.host.registry.resolveAddress(frame.component, args);
  const resolved = frame.host.registry.modulesFor(target.component)?.resolve(target.udfPath);
  if (!resolved)
    throw new FunctionError(
      `Attempted to schedule function at nonexistent path: ${target.udfPath}`,
    );
  const row: Record<string, JSONValue> = {
    name: target.udfPath.replace(":", ".js:"),
    args: [args.args],
    scheduledTime: Math.max(0, args.ts * 1000),
    state: { kind: "pending" },
  };
  // Only jobs that target another component need to say which; Convex rows have no such field.
  if (target.component !== frame.component) row.component = target.component;
  if (frame.kind === "mutation")
    return insertSystem(frame, "_scheduled_functions", row as never)._id;
  return frame.host.runner.systemMutation(
    frame.component,
    (inner) => insertSystem(inner, "_scheduled_functions", row as never)._id,
  );
}

export async function cancelJob(frame: Frame, args: { id: string }): Promise<null> {
  const cancel = (inner: Frame) => {
    const table = tableForId(inner, args.id);
    if (!table || table.name !== "_scheduled_functions")
      throw new FunctionError(`Invalid scheduled function ID ${args.id}`);
    const job = inner.tx!.get(table.number, args.id);
    if (!job) return null;
    const state = (job.state as { kind: string }).kind;
    if (state === "pending" || state === "inProgress") {
      inner.tx!.write(table.number, args.id, {
        ...job,
        state: { kind: "canceled" },
        completedTime: Date.now(),
      } as never);
    }
    return null;
  };
  if (frame.kind === "mutation") return cancel(frame);
  return frame.host.runner.systemMutation(frame.component, cancel);
}
