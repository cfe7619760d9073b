import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "bin", "convex-local.js");

export type CliProcess = {
  child: ChildProcess;
  url: string;
  adminKey: string;
  exited: Promise<unknown>;
};

/** Spawns the `convex-local` CLI on random ports and resolves once it prints its URL. */
export function startCli(args: string[]): Promise<CliProcess> {
  const child = spawn(process.execPath, [BIN, "--port", "0", "--site-port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const url = /URL:\s+(http:\/\/\S+)/.exec(out);
      const adminKey = /Admin key:\s+(\S+)/.exec(out);
      if (url && adminKey) resolve({ child, url: url[1]!, adminKey: adminKey[1]!, exited });
    });
    child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`convex-local exited with ${code}: ${err}`)));
  });
}
