import type { ReplyLanguage } from "../answers/language";

export const PASSAGE_PATH = "/knowledge/passage";

export type PassageAddress = {
  organizationId: string;
  fileId: string;
  section: string;
  language: ReplyLanguage;
};

/** The public, read-only page of one section of a knowledge file, on the deployment's site URL. */
export function passageUrl(siteUrl: string, address: PassageAddress): string {
  const url = new URL(PASSAGE_PATH, siteUrl);
  url.searchParams.set("organizationId", address.organizationId);
  url.searchParams.set("fileId", address.fileId);
  url.searchParams.set("section", address.section);
  url.searchParams.set("lang", address.language);
  return url.toString();
}

/** The address a passage page was asked for, or null when a part is missing. */
export function parsePassageAddress(href: string): PassageAddress | null {
  const params = new URL(href).searchParams;
  const organizationId = params.get("organizationId");
  const fileId = params.get("fileId");
  const section = params.get("section");
  if (!organizationId || !fileId || !section) return null;
  return {
    organizationId,
    fileId,
    section,
    language: params.get("lang") === "pt-BR" ? "pt-BR" : "en",
  };
}
