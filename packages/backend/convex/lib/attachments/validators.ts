import { v, type Infer } from "convex/values";

export const vAttachmentAuthor = v.union(v.literal("contact"), v.literal("operator"));
export const vAttachmentKind = v.union(v.literal("image"), v.literal("file"));

export type AttachmentAuthor = Infer<typeof vAttachmentAuthor>;
