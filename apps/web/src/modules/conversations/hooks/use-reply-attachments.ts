"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import type { AttachmentDraft } from "@echo/ui/lib/attachment-drafts";
import { useMutation, useQuery } from "convex/react";
import { useCallback, useState } from "react";

let nextKey = 0;

/** The files an operator attaches to a reply: uploaded at once, then sent with the reply. */
export function useReplyAttachments(conversationId: Id<"conversations">) {
  const [drafts, setDrafts] = useState<AttachmentDraft[]>([]);
  const limits = useQuery(api.private.attachments.limits, {});
  const generateUploadUrl = useMutation(api.private.attachments.generateUploadUrl);
  const add = useMutation(api.private.attachments.add);

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
          const outcome = await uploadAttachment(
            file,
            {
              generateUploadUrl: () => generateUploadUrl({}),
              add: (storageId) =>
                add({
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
    [conversationId, generateUploadUrl, add, limits?.maxBytes],
  );

  const remove = useCallback(
    (key: string) => setDrafts((current) => current.filter((draft) => draft.key !== key)),
    [],
  );
  /** After a reply: the files that went, and the refusals already read, leave the composer. */
  const clearSent = useCallback(
    (sent: readonly string[]) =>
      setDrafts((current) =>
        current.filter(
          (draft) =>
            draft.status === "uploading" ||
            (draft.status === "ready" && !sent.includes(draft.attachmentId!)),
        ),
      ),
    [],
  );

  return { drafts, attach, remove, clearSent, accept: limits?.accept.join(",") };
}
