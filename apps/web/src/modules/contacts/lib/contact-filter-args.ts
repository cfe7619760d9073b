import type { SegmentFilters } from "@echo/backend/convex/lib/contacts/segmentFilters";

import { CHANNELS, STAGES, type Channel, type Stage } from "./contact-form-values";

export const ALL = "all";
export const LAST_SEEN_WINDOWS = ["24h", "7d", "30d", "older30d"] as const;
export type LastSeenWindow = (typeof LAST_SEEN_WINDOWS)[number];
export const SORTS = ["lastSeen", "name", "created"] as const;
export type ContactSort = (typeof SORTS)[number];

export type FieldType = "text" | "number" | "date" | "select" | "boolean";
export type FieldDefinition = { key: string; label: string; type: FieldType; options: string[] };

/** How a custom field is compared: per type, the operators the filter offers. */
export const FIELD_OPERATORS = {
  text: ["contains", "equals"],
  number: ["between"],
  date: ["after", "before"],
  select: ["is"],
  boolean: ["is"],
} as const satisfies Record<FieldType, readonly string[]>;
export type FieldOperator = (typeof FIELD_OPERATORS)[FieldType][number];

/** The custom-field condition as the form holds it: text inputs, a range's two ends. */
export type FieldFilterState = { key: string; operator: FieldOperator; value: string; to: string };
export const NO_FIELD: FieldFilterState = { key: "", operator: "contains", value: "", to: "" };

export type ContactFilterState = {
  search: string;
  stage: string;
  channel: string;
  tag: string;
  lastSeen: string;
  sort: ContactSort;
  order: "asc" | "desc";
  field: FieldFilterState;
};

export const EMPTY_FILTERS: ContactFilterState = {
  search: "",
  stage: ALL,
  channel: ALL,
  tag: "",
  lastSeen: ALL,
  sort: "lastSeen",
  order: "desc",
  field: NO_FIELD,
};

const oneOf = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  value !== undefined && (list as readonly string[]).includes(value) ? (value as T) : undefined;

const numberOf = (text: string) => {
  const number = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(number) ? number : undefined;
};

/** The backend's condition for the custom field, or undefined while it is incomplete. */
export function customFieldArg(
  state: FieldFilterState,
  definition: FieldDefinition | undefined,
): SegmentFilters["customField"] {
  if (!definition || definition.key !== state.key) return undefined;
  const { key } = definition;
  const value = state.value.trim();
  switch (definition.type) {
    case "text":
      if (!value) return undefined;
      return state.operator === "equals" ? { key, value } : { key, contains: value };
    case "number": {
      const min = numberOf(state.value);
      const max = numberOf(state.to);
      if (min === undefined && max === undefined) return undefined;
      return { key, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case "date":
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
      return state.operator === "before" ? { key, max: value } : { key, min: value };
    case "select":
      return value ? { key, value } : undefined;
    case "boolean":
      return value === "true" || value === "false" ? { key, value: value === "true" } : undefined;
  }
}

/** The filters a segment saves (and the export takes): everything but the text search and sort. */
export function segmentFiltersOf(
  state: ContactFilterState,
  fields: FieldDefinition[],
): SegmentFilters {
  const tags = state.tag
    .split(",")
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
  const stage = oneOf<Stage>(STAGES, state.stage);
  const channel = oneOf<Channel>(CHANNELS, state.channel);
  const lastSeen = oneOf<LastSeenWindow>(LAST_SEEN_WINDOWS, state.lastSeen);
  const customField = customFieldArg(
    state.field,
    fields.find((field) => field.key === state.field.key),
  );
  return {
    ...(tags.length > 0 ? { tags } : {}),
    ...(stage ? { stage } : {}),
    ...(channel ? { channel } : {}),
    ...(lastSeen ? { lastSeen } : {}),
    ...(customField ? { customField } : {}),
  };
}

/** A saved segment's filters back in the form, keeping the current sort and clearing the search. */
export function stateFromSegment(
  filters: SegmentFilters,
  current: Pick<ContactFilterState, "sort" | "order">,
): ContactFilterState {
  const field = filters.customField;
  const fieldState: FieldFilterState = !field
    ? NO_FIELD
    : field.contains !== undefined
      ? { key: field.key, operator: "contains", value: field.contains, to: "" }
      : field.value !== undefined
        ? {
            key: field.key,
            operator: typeof field.value === "string" ? "equals" : "is",
            value: String(field.value),
            to: "",
          }
        : typeof (field.min ?? field.max) === "string"
          ? {
              key: field.key,
              operator: field.min !== undefined ? "after" : "before",
              value: String(field.min ?? field.max),
              to: "",
            }
          : {
              key: field.key,
              operator: "between",
              value: field.min !== undefined ? String(field.min) : "",
              to: field.max !== undefined ? String(field.max) : "",
            };
  return {
    ...EMPTY_FILTERS,
    ...current,
    stage: filters.stage ?? ALL,
    channel: filters.channel ?? ALL,
    tag: filters.tags?.join(", ") ?? "",
    lastSeen: filters.lastSeen ?? ALL,
    field: fieldState,
  };
}
