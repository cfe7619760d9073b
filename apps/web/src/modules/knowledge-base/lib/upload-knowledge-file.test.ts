// @vitest-environment node
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";

import {
  checkFileBeforeUpload,
  KnowledgeUploadError,
  uploadKnowledgeFile,
} from "./upload-knowledge-file";

describe("checkFileBeforeUpload", () => {
  it("accepts the types the backend can read", () => {
    for (const name of ["a.txt", "b.MD", "c.html", "d.csv", "e.pdf"]) {
      expect(checkFileBeforeUpload({ name, size: 10 })).toBeNull();
    }
  });

  it("refuses other types, empty files and files over 10 MB", () => {
    expect(checkFileBeforeUpload({ name: "virus.exe", size: 10 })).toBe("unsupportedType");
    expect(checkFileBeforeUpload({ name: "notes.txt", size: 0 })).toBe("empty");
    expect(checkFileBeforeUpload({ name: "big.pdf", size: 10 * 1024 * 1024 + 1 })).toBe("tooLarge");
  });
});

describe("uploadKnowledgeFile", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function storage(status: number) {
    const received: Array<{ type: string | undefined; body: string }> = [];
    server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        received.push({ type: request.headers["content-type"], body });
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify({ storageId: "kg2storage" }));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    return {
      url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/api/storage/upload?token=t`,
      received,
    };
  }

  it("posts the bytes to the upload URL, then registers the storage id with the file name", async () => {
    const { url, received } = await storage(200);
    const added: unknown[] = [];
    const fileId = await uploadKnowledgeFile(
      new File(["# Returns\nWithin 60 days."], "returns.md"),
      {
        generateUploadUrl: async () => url,
        add: async (args) => {
          added.push(args);
          return "file1";
        },
      },
    );
    expect(fileId).toBe("file1");
    expect(received).toEqual([{ type: "text/markdown", body: "# Returns\nWithin 60 days." }]);
    expect(added).toEqual([{ storageId: "kg2storage", name: "returns.md" }]);
  });

  it("never asks for an upload URL for a refused file", async () => {
    let asked = false;
    await expect(
      uploadKnowledgeFile(new File(["x"], "setup.exe"), {
        generateUploadUrl: async () => {
          asked = true;
          return "http://127.0.0.1:1/";
        },
        add: async () => "never",
      }),
    ).rejects.toEqual(new KnowledgeUploadError("unsupportedType"));
    expect(asked).toBe(false);
  });

  it("reports a failed upload and registers nothing", async () => {
    const { url } = await storage(500);
    let added = false;
    await expect(
      uploadKnowledgeFile(new File(["hello"], "hello.txt"), {
        generateUploadUrl: async () => url,
        add: async () => {
          added = true;
          return "never";
        },
      }),
    ).rejects.toMatchObject({ problem: "uploadFailed" });
    expect(added).toBe(false);
  });
});
