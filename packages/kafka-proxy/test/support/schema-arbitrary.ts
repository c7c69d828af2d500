/**
 * Random messages for the round-trip property tests, built from the schemas themselves (not from the
 * generated code), so the generated defaults and version rules are checked against an independent
 * reading of the schema. Fields absent from a version hold their default, because decoding fills them
 * in; flexible versions get random unknown tagged fields.
 */
import fc from "fast-check";
import { schemas } from "../generated/schemas.gen.js";

export interface FieldSchema {
  readonly name: string;
  readonly type: string;
  readonly versions: string;
  readonly nullableVersions?: string;
  readonly tag?: number;
  readonly taggedVersions?: string;
  readonly default?: string | number | boolean;
  readonly fields?: readonly FieldSchema[];
  readonly flexibleVersions?: string;
}

export interface MessageSchema {
  readonly apiKey?: number;
  readonly type: string;
  readonly name: string;
  readonly validVersions: string;
  readonly flexibleVersions: string;
  readonly fields: readonly FieldSchema[];
  readonly commonStructs?: readonly { readonly name: string; readonly fields: readonly FieldSchema[] }[];
}

export const messageSchemas = schemas as readonly MessageSchema[];

export function inRange(text: string | undefined, version: number): boolean {
  if (text === undefined || text === "none") return false;
  if (text.endsWith("+")) return version >= Number(text.slice(0, -1));
  const [low, high] = text.split("-");
  return version >= Number(low) && version <= Number(high ?? low);
}

export function versionsOf(message: MessageSchema): number[] {
  const [low, high] = message.validVersions.split("-");
  const versions: number[] = [];
  for (let version = Number(low); version <= Number(high ?? low); version++) versions.push(version);
  return versions;
}

function camelCase(name: string): string {
  if (/^[A-Z]+$/.test(name)) return name.toLowerCase();
  return name[0]!.toLowerCase() + name.slice(1);
}

const numericRanges: Record<string, [number, number]> = {
  int8: [-128, 127],
  int16: [-32768, 32767],
  int32: [-2147483648, 2147483647],
  uint16: [0, 65535],
  uint32: [0, 4294967295],
};

class SchemaArbitraries {
  private readonly structs = new Map<string, readonly FieldSchema[]>();

  constructor(
    private readonly message: MessageSchema,
    private readonly version: number,
  ) {
    for (const common of message.commonStructs ?? []) this.structs.set(common.name, common.fields);
    const visit = (fields: readonly FieldSchema[]): void => {
      for (const field of fields) {
        if (field.fields === undefined) continue;
        this.structs.set(field.type.replace("[]", ""), field.fields);
        visit(field.fields);
      }
    };
    visit(message.fields);
  }

  private get flexible(): boolean {
    return inRange(this.message.flexibleVersions, this.version);
  }

  struct(fields: readonly FieldSchema[]): fc.Arbitrary<Record<string, unknown>> {
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const field of fields) {
      record[camelCase(field.name)] = inRange(field.versions, this.version)
        ? this.field(field)
        : fc.constant(this.defaultValue(field));
    }
    if (!this.flexible) return fc.record(record);
    const knownTags = new Set(
      fields
        .filter((field) => field.tag !== undefined && inRange(field.taggedVersions, this.version))
        .map((field) => field.tag),
    );
    const unknownTags = fc
      .uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 3 })
      .map((tags) => tags.filter((tag) => !knownTags.has(tag)).sort((left, right) => left - right));
    const unknown = unknownTags.chain((tags) =>
      fc.tuple(...tags.map((tag) => fc.uint8Array({ maxLength: 140 }).map((data) => ({ tag, data })))),
    );
    return fc
      .tuple(fc.record(record), unknown)
      .map(([value, unknownTaggedFields]) =>
        unknownTaggedFields.length === 0 ? value : { ...value, unknownTaggedFields },
      );
  }

  private field(field: FieldSchema): fc.Arbitrary<unknown> {
    const nullable = inRange(field.nullableVersions, this.version);
    const value = this.value(field.type);
    return nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
  }

  private value(type: string): fc.Arbitrary<unknown> {
    if (type.startsWith("[]")) return fc.array(this.value(type.slice(2)), { maxLength: 3 });
    const range = numericRanges[type];
    if (range !== undefined) return fc.integer({ min: range[0], max: range[1] });
    switch (type) {
      case "int64":
        return fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
      case "float64":
        return fc.double();
      case "bool":
        return fc.boolean();
      case "string":
        return fc.string({ unit: "grapheme", maxLength: 6 });
      case "bytes":
      case "records":
        return fc.uint8Array({ maxLength: 12 });
      case "uuid":
        return fc.oneof(fc.uuid(), fc.constant("00000000-0000-0000-0000-000000000000"));
      default:
        return this.struct(this.structFields(type));
    }
  }

  private structFields(name: string): readonly FieldSchema[] {
    const fields = this.structs.get(name);
    if (fields === undefined) throw new Error(`unknown struct ${name}`);
    return fields;
  }

  /** The schema default (see the upstream README, "Deserializing Messages"). */
  defaultValue(field: FieldSchema): unknown {
    const fallback = field.default;
    if (fallback === "null" || (field.type === "records" && fallback === undefined)) return null;
    if (field.type.startsWith("[]")) return [];
    if (numericRanges[field.type] !== undefined || field.type === "float64") {
      return fallback === undefined ? 0 : Number(fallback);
    }
    switch (field.type) {
      case "int64":
        return fallback === undefined ? 0n : BigInt(fallback);
      case "bool":
        return fallback === true || fallback === "true";
      case "string":
        return fallback ?? "";
      case "uuid":
        return "00000000-0000-0000-0000-000000000000";
      case "bytes":
        return new Uint8Array(0);
      default: {
        const value: Record<string, unknown> = {};
        for (const child of this.structFields(field.type))
          value[camelCase(child.name)] = this.defaultValue(child);
        return value;
      }
    }
  }
}

/** Random valid instances of `message` as encoded in `version`. */
export function arbitraryMessage(
  message: MessageSchema,
  version: number,
): fc.Arbitrary<Record<string, unknown>> {
  return new SchemaArbitraries(message, version).struct(message.fields);
}
