import type { JSONValue } from "convex/values";

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ProtocolError";
  }
}

export type QuerySetModification =
  | {
      type: "Add";
      queryId: number;
      udfPath: string;
      args: JSONValue;
      journal?: string | null;
      componentPath?: string;
    }
  | { type: "Remove"; queryId: number };

export type ClientMessage =
  | {
      type: "Connect";
      sessionId: string;
      connectionCount: number;
      lastCloseReason: string | null;
      maxObservedTimestamp?: string;
      clientTs?: number;
    }
  | {
      type: "ModifyQuerySet";
      baseVersion: number;
      newVersion: number;
      modifications: QuerySetModification[];
    }
  | {
      type: "Mutation";
      requestId: number;
      udfPath: string;
      args: JSONValue;
      componentPath?: string;
    }
  | { type: "Action"; requestId: number; udfPath: string; args: JSONValue; componentPath?: string }
  | {
      type: "Authenticate";
      baseVersion: number;
      tokenType: "User" | "Admin" | "None";
      value: string;
      impersonating?: Record<string, unknown>;
      actingAs?: Record<string, unknown>;
    }
  | { type: "Event"; eventType: string; event: unknown };

function isInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 0;
}

function expect(condition: boolean, what: string): void {
  if (!condition) throw new ProtocolError(`Malformed message: ${what}`);
}

/** Parses and shape-checks one client frame; anything else is a protocol error. */
export function parseClientMessage(text: string): ClientMessage {
  let m: Record<string, unknown>;
  try {
    m = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ProtocolError("Malformed message: not JSON");
  }
  expect(typeof m === "object" && m !== null && !Array.isArray(m), "not an object");
  switch (m.type) {
    case "Connect":
      expect(typeof m.sessionId === "string", "Connect.sessionId");
      break;
    case "ModifyQuerySet":
      expect(
        isInt(m.baseVersion) && isInt(m.newVersion) && Array.isArray(m.modifications),
        "ModifyQuerySet fields",
      );
      for (const mod of m.modifications as Array<Record<string, unknown>>) {
        expect(
          typeof mod === "object" && mod !== null && isInt(mod.queryId),
          "modification.queryId",
        );
        if (mod.type === "Add") expect(typeof mod.udfPath === "string", "Add.udfPath");
        else expect(mod.type === "Remove", "modification.type");
      }
      break;
    case "Mutation":
    case "Action":
      expect(isInt(m.requestId) && typeof m.udfPath === "string", `${m.type} fields`);
      break;
    case "Authenticate":
      expect(isInt(m.baseVersion), "Authenticate.baseVersion");
      expect(
        m.tokenType === "None" ||
          ((m.tokenType === "User" || m.tokenType === "Admin") && typeof m.value === "string"),
        "Authenticate.tokenType",
      );
      break;
    case "Event":
      break;
    default:
      throw new ProtocolError(`Malformed message: unknown type ${JSON.stringify(m.type)}`);
  }
  return m as unknown as ClientMessage;
}
