"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { usePaginatedQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";

import { ImportButton } from "../../import/ui/components/import-button";
import { CHANNELS, STAGES, type Channel, type Stage } from "../../lib/contact-form-values";
import { ALL, ContactFilters, type ContactFilterState } from "../components/contact-filters";
import { ContactTable } from "../components/contact-table";
import { NewContactDialog } from "../components/new-contact-dialog";

const PAGE_SIZE = 50;

const oneOf = <T extends string>(list: readonly T[], value: string): T | undefined =>
  (list as readonly string[]).includes(value) ? (value as T) : undefined;

export function ContactsView() {
  const t = useTranslations("contacts");
  const [filters, setFilters] = useState<ContactFilterState>({
    search: "",
    stage: ALL,
    channel: ALL,
    tag: "",
    order: "desc",
  });
  const deferred = useDeferredValue(filters);
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.contacts.list,
    {
      search: deferred.search.trim() || undefined,
      stage: oneOf<Stage>(STAGES, deferred.stage),
      channel: oneOf<Channel>(CHANNELS, deferred.channel),
      tag: deferred.tag.trim().toLowerCase() || undefined,
      order: deferred.order,
    },
    { initialNumItems: PAGE_SIZE },
  );
  return (
    <section className="mx-auto grid w-full max-w-6xl gap-6 p-4 md:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ImportButton />
          <NewContactDialog />
        </div>
      </div>
      <ContactFilters
        value={filters}
        onChange={(next) => setFilters((current) => ({ ...current, ...next }))}
      />
      {status === "LoadingFirstPage" ? (
        <SkeletonList label={t("loading")} rows={5} />
      ) : (
        <ContactTable contacts={results} />
      )}
      {status === "CanLoadMore" ? (
        <Button
          variant="outline"
          className="justify-self-center"
          onClick={() => loadMore(PAGE_SIZE)}
        >
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
