"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { useMutation, usePaginatedQuery, useQuery } from "convex/react";
import { BookmarkPlusIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";

import { ImportButton } from "../../import/ui/components/import-button";
import {
  EMPTY_FILTERS,
  segmentFiltersOf,
  stateFromSegment,
  type ContactFilterState,
} from "../../lib/contact-filter-args";
import { ContactFilters } from "../components/contact-filters";
import { ContactTable } from "../components/contact-table";
import { ExportContactsButton } from "../components/export-contacts-button";
import { NewContactDialog } from "../components/new-contact-dialog";
import { SegmentList, type Segment } from "../components/segment-list";
import { SegmentNameDialog } from "../components/segment-name-dialog";

const PAGE_SIZE = 50;
/** Pages read on their own while filters leave fewer than a page of rows (then "Show more"). */
const MAX_AUTO_PAGES = 10;

export function ContactsView() {
  const t = useTranslations("contacts");
  const ts = useTranslations("contactSegments");
  const organization = useQuery(api.private.organization.current);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";
  const definitions = useQuery(api.private.contactFields.list, {});
  const fields = useMemo(() => definitions?.fields ?? [], [definitions]);
  const segments = useQuery(api.private.contactSegments.list, {});
  const saveSegment = useMutation(api.private.contactSegments.save);
  const [filters, setFilters] = useState<ContactFilterState>(EMPTY_FILTERS);
  const [segmentId, setSegmentId] = useState<Id<"contactSegments"> | null>(null);
  const deferred = useDeferredValue(filters);
  const selection = useMemo(() => segmentFiltersOf(deferred, fields), [deferred, fields]);
  const listArgs = {
    ...selection,
    search: deferred.search.trim() || undefined,
    sort: deferred.sort,
    order: deferred.order,
  };
  const { results, status, loadMore } = usePaginatedQuery(api.private.contacts.list, listArgs, {
    initialNumItems: PAGE_SIZE,
  });
  // Filters the index cannot serve are checked on each page, so a page may come back short.
  const argsKey = JSON.stringify(listArgs);
  const autoPages = useRef({ argsKey, count: 0 });
  useEffect(() => {
    if (autoPages.current.argsKey !== argsKey) autoPages.current = { argsKey, count: 0 };
    if (status !== "CanLoadMore" || results.length >= PAGE_SIZE) return;
    if (autoPages.current.count >= MAX_AUTO_PAGES) return;
    autoPages.current.count += 1;
    loadMore(PAGE_SIZE);
  }, [status, results.length, argsKey, loadMore]);
  const active = segments?.find((segment) => segment._id === segmentId) ?? null;
  const open = (segment: Segment | null) => {
    setSegmentId(segment?._id ?? null);
    setFilters((current) =>
      segment
        ? stateFromSegment(segment.filters, current)
        : { ...EMPTY_FILTERS, sort: current.sort, order: current.order },
    );
  };
  return (
    <section className="mx-auto grid w-full max-w-7xl gap-6 p-4 md:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{active ? active.name : t("title")}</h1>
          <p className="text-sm text-muted-foreground">{t("description")}</p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <ExportContactsButton filters={segmentFiltersOf(filters, fields)} name={active?.name} />
          {isAdmin ? (
            <SegmentNameDialog
              trigger={
                <Button variant="outline">
                  <BookmarkPlusIcon aria-hidden />
                  {ts("save")}
                </Button>
              }
              title={ts("saveTitle")}
              description={ts("saveDescription")}
              submitLabel={ts("saveSubmit")}
              initialName={active?.name ?? ""}
              onSubmit={async (name) =>
                setSegmentId(
                  await saveSegment({ name, filters: segmentFiltersOf(filters, fields) }),
                )
              }
            />
          ) : null}
          <ImportButton />
          <NewContactDialog />
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
        <SegmentList
          segments={segments ?? []}
          activeId={active?._id ?? null}
          canManage={isAdmin}
          onOpen={open}
        />
        <div className="grid content-start gap-4">
          <ContactFilters
            value={filters}
            fields={fields}
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
        </div>
      </div>
    </section>
  );
}
