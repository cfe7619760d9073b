import { describe, expect, it, vi } from "vitest";

import { CsvUploadError, uploadContactsCsv } from "./upload-contacts-csv";

describe("uploadContactsCsv", () => {
  it("posts the file to the upload URL, then asks the backend to read it", async () => {
    const fetchImpl = vi.fn(async () => Response.json({ storageId: "st_1" }));
    const prepare = vi.fn(async () => "job_1");
    const file = new File(["name,email\n"], "people.csv");
    const jobId = await uploadContactsCsv(
      file,
      { generateUploadUrl: async () => "http://upload", prepare },
      fetchImpl as unknown as typeof fetch,
    );
    expect(jobId).toBe("job_1");
    expect(fetchImpl).toHaveBeenCalledWith(
      "http://upload",
      expect.objectContaining({ body: file }),
    );
    expect(prepare).toHaveBeenCalledWith({ storageId: "st_1", fileName: "people.csv" });
  });

  it("refuses a file over 100 MB before uploading anything", async () => {
    const generateUploadUrl = vi.fn(async () => "http://upload");
    const big = { name: "big.csv", size: 100 * 1024 * 1024 + 1 } as File;
    await expect(uploadContactsCsv(big, { generateUploadUrl, prepare: vi.fn() })).rejects.toEqual(
      new CsvUploadError("tooLarge"),
    );
    expect(generateUploadUrl).not.toHaveBeenCalled();
  });
});
