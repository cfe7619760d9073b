"use client";

import { useTranslations } from "next-intl";

import { KnowledgeFileList } from "../components/knowledge-file-list";
import { UploadZone } from "../components/upload-zone";

export function KnowledgeBaseView() {
  const t = useTranslations("knowledgeBase");
  return (
    <section className="mx-auto grid max-w-3xl gap-6 p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <UploadZone />
      <KnowledgeFileList />
    </section>
  );
}
