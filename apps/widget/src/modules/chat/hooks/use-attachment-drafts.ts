"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { useMutation, useQuery } from "convex/react";
import { useCallback, useState } from "react";

import type { AttachmentDraft } from "@echo/ui/lib/attachment-drafts";

let nextKey = 0;

/**
 * The files a visitor attaches before sending: each is uploaded at once (the uploader module is
 * loaded on first use) and listed with its state. `conversationFor` creates the conversation if
 * the file is the visitor's first word.
 */
export function useAttachmentDrafts(
  contactSessionId: Id<"contactSessions">,
  conversationFor: () => Promise<Id<"conversations">>,
) {
  const [drafts, setDrafts] = useState<AttachmentDraft[]>([]);
  const limits = useQuery(api.public.attachments.limits, { contactSessionId });
  const generateUploadUrl = useMutation(api.public.attachments.generateUploadUrl);
  const add = useMutation(api.public.attachments.add);

  const update = (key: string, change: Partial<AttachmentDraft>) =>
    setDrafts((current) =>
      current.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)),
    );

  const attach = useCallback(
    async (files: readonly File[]) => {
      const started = files.map((file) => ({ file, key: `attachment-${nextKey++}` }));
      setDrafts((current) => [
        ...current,
        ...started.map(({ file, key }) => ({
          key,
          fileName: file.name,
          status: "uploading" as const,
        })),
      ]);
      const { uploadAttachment } = await import("@echo/ui/lib/upload-attachment");
      for (const { file, key } of started) {
        try {
          const conversationId = await conversationFor();
          const outcome = await uploadAttachment(
            file,
            {
              generateUploadUrl: () => generateUploadUrl({ contactSessionId, conversationId }),
              add: (storageId) =>
                add({
                  contactSessionId,
                  conversationId,
                  storageId: storageId as Id<"_storage">,
                  fileName: file.name,
                }),
            },
            limits?.maxBytes,
          );
          update(
            key,
            outcome.ok
              ? { status: "ready", attachmentId: outcome.attachmentId }
              : { status: "refused", problem: outcome.code, maxBytes: outcome.maxBytes },
          );
        } catch (caught) {
          console.error("attaching a file failed", caught);
          update(key, { status: "refused", problem: "UPLOAD_FAILED" });
        }
      }
    },
    [contactSessionId, conversationFor, generateUploadUrl, add, limits?.maxBytes],
  );

  const remove = useCallback(
    (key: string) => setDrafts((current) => current.filter((draft) => draft.key !== key)),
    [],
  );
  /** After a send: the files that went, and the refusals already read, leave the composer. */
  const clearSent = useCallback(
    (sent: readonly Id<"attachments">[]) =>
      setDrafts((current) =>
        current.filter(
          (draft) =>
            draft.status === "uploading" ||
            (draft.status === "ready" && !sent.includes(draft.attachmentId as Id<"attachments">)),
        ),
      ),
    [],
  );

  return { drafts, attach, remove, clearSent, accept: limits?.accept.join(",") };
}
