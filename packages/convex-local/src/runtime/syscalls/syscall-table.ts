type SyscallHandler<F> = (frame: F, args: never) => unknown;

/**
 * Syscalls the runtime's services add beside the built-in ones (file storage, function handles).
 * `F` is the execution frame, a parameter so this module need not import it.
 */
export class SyscallTable<F> {
  readonly asyncOps: Record<string, SyscallHandler<F>> = {};
  /** Syscalls `convex/server` makes with JavaScript values (blobs) instead of JSON. */
  readonly jsOps: Record<string, SyscallHandler<F>> = {};
}
