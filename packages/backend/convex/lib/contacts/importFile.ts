import Papa from "papaparse";

import { fail } from "../errors";

/** The largest CSV an import reads. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
export const PREVIEW_ROWS = 5;

export function checkImportSize(size: number) {
  if (size > MAX_IMPORT_BYTES)
    fail("IMPORT_TOO_LARGE", `The file is over ${MAX_IMPORT_BYTES} bytes`);
}

/** The file's text; anything that is not valid UTF-8 is refused rather than imported garbled. */
export function decodeImportFile(bytes: ArrayBuffer): string {
  checkImportSize(bytes.byteLength);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("IMPORT_NOT_UTF8", "The file is not UTF-8 text");
  }
}

const LOOKS_LIKE_DATA = /@|^\+?[\d\s().-]{6,}$|^-?\d+([.,]\d+)?$/;

/**
 * The header row: every named column unique, and no cell that reads as a value (an email, a
 * phone, a number), which is what a file whose first line is already a contact looks like.
 */
function checkHeader(header: string[] | undefined): string[] {
  const names = (header ?? []).map((cell) => cell.trim());
  const named = names.filter(Boolean);
  if (
    named.length === 0 ||
    new Set(named).size !== named.length ||
    named.some((name) => LOOKS_LIKE_DATA.test(name))
  )
    fail("IMPORT_NO_HEADER", "The first line is not a header of column names");
  return names;
}

function parse(text: string, preview?: number): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview }).data;
}

/** The header and the first rows, for the mapping step. */
export function previewImport(text: string): { headers: string[]; preview: string[][] } {
  const [header, ...rows] = parse(text, PREVIEW_ROWS + 1);
  return { headers: checkHeader(header), preview: rows };
}

/** Characters of the file parsed at a time, so a large file never holds its process for long. */
const SLICE_CHARS = 64 * 1024;

/**
 * Every data row, after the header is checked again, a slice at a time: the next slice is parsed
 * once `onSlice` resolves, and not at all if it resolves to false.
 */
export async function parseImportInSlices(
  text: string,
  onSlice: (headers: string[], rows: string[][]) => Promise<boolean>,
): Promise<void> {
  let headers: string[] | undefined;
  await new Promise<void>((resolve, reject) => {
    // papaparse streams a string in chunks too, though its types list `chunk` for files only.
    const streamed: Papa.ParseConfig<string[]> &
      Pick<Papa.ParseLocalConfig, "chunk" | "chunkSize"> = {
      skipEmptyLines: "greedy",
      chunkSize: SLICE_CHARS,
      chunk: ({ data }: Papa.ParseResult<string[]>, parser) => {
        parser.pause();
        const stop = (error: unknown) => {
          parser.abort();
          reject(error);
        };
        let rows = data;
        if (!headers) {
          try {
            headers = checkHeader(data[0]);
          } catch (error) {
            return stop(error);
          }
          rows = data.slice(1);
        }
        onSlice(headers, rows).then((more) => (more ? parser.resume() : parser.abort()), stop);
      },
      complete: () => resolve(),
    };
    Papa.parse<string[]>(text, streamed);
  });
  if (!headers) checkHeader(undefined);
}
