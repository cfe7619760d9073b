"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { useAction, useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Link } from "@/i18n/navigation";
import { useErrorMessage } from "@/modules/convex/use-error-message";

import { CsvUploadError, uploadContactsCsv } from "../../lib/upload-contacts-csv";
import { ImportMapping } from "../components/import-mapping";
import { ImportProgress } from "../components/import-progress";
import { ImportReport } from "../components/import-report";
import { ImportStopped } from "../components/import-stopped";
import { ImportUpload } from "../components/import-upload";

/** Contacts › Import: upload, map the columns, follow the progress, read the report. */
export function ContactImportView() {
  const t = useTranslations("contactImport");
  const recovery = useTranslations("contactImportRecovery");
  const errorMessage = useErrorMessage();
  const organization = useQuery(api.private.organization.current);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";
  const [chosenJobId, setJobId] = useState<Id<"contactImports"> | null>(null);
  const unfinished = useQuery(
    api.private.contactImport.unfinished,
    isAdmin && !chosenJobId ? {} : "skip",
  );
  // After a reload the page comes back to an import still running or stopped by a failed batch.
  const jobId = chosenJobId ?? unfinished ?? null;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useQuery(api.private.contactImport.get, jobId ? { jobId } : "skip");
  const fields = useQuery(api.private.contactFields.list, isAdmin ? {} : "skip");
  const generateUploadUrl = useMutation(api.private.contactImport.generateUploadUrl);
  const prepare = useAction(api.private.contactImport.prepare);
  const start = useMutation(api.private.contactImport.start);
  const retry = useMutation(api.private.contactImport.retry);
  const discard = useMutation(api.private.contactImport.discard);
  const attempt = (action: () => Promise<unknown>) => async () => {
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      setJobId(
        await uploadContactsCsv(file, {
          generateUploadUrl: () => generateUploadUrl({}),
          prepare: (args) => prepare({ ...args, storageId: args.storageId as Id<"_storage"> }),
        }),
      );
    } catch (caught) {
      setError(
        caught instanceof CsvUploadError
          ? t(`uploadProblems.${caught.problem}`)
          : errorMessage(caught),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="mx-auto grid w-full max-w-5xl gap-6 p-4 md:p-6">
      <div className="grid gap-1">
        <Link href="/contacts" className="text-sm text-muted-foreground hover:underline">
          {t("back")}
        </Link>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {organization && !isAdmin ? <p role="alert">{t("adminsOnly")}</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {isAdmin && !job ? <ImportUpload busy={busy} onFile={upload} /> : null}
      {job?.status === "mapping" && fields ? (
        <ImportMapping
          job={job}
          fields={fields.fields}
          onStart={async (mapping, mode) => {
            setError(null);
            try {
              await start({ jobId: jobId!, mapping, mode });
            } catch (caught) {
              setError(errorMessage(caught));
            }
          }}
        />
      ) : null}
      {job && job.status !== "mapping" ? (
        <>
          <h2 className="font-medium break-all">{job.fileName}</h2>
          {job.status === "failed" && job.failedBatch !== undefined ? (
            <>
              <ImportProgress job={job} />
              <ImportStopped
                job={job}
                onRetry={attempt(() => retry({ jobId: jobId! }))}
                onDiscard={attempt(() => discard({ jobId: jobId! }))}
              />
            </>
          ) : job.status === "failed" ? (
            <p role="alert" className="text-sm text-destructive">
              {t.has(`failures.${job.error}`) ? t(`failures.${job.error}`) : t("failures.generic")}
            </p>
          ) : (
            <ImportProgress job={job} />
          )}
          {job.status === "done" ? (
            <>
              {job.error ? (
                <p role="status" className="text-sm">
                  {recovery("discarded", { written: job.processedRows, total: job.totalRows })}
                </p>
              ) : null}
              <p role="status" className="text-sm">
                {t("finished", { imported: job.imported, updated: job.updated })}
              </p>
              <ImportReport jobId={jobId!} headers={job.headers} fileName={job.fileName} />
              <div className="flex flex-wrap gap-3">
                <Button asChild>
                  <Link href="/contacts">{t("seeContacts")}</Link>
                </Button>
                <Button variant="outline" onClick={() => setJobId(null)}>
                  {t("another")}
                </Button>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
