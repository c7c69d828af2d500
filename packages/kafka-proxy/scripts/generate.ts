/**
 * Generates the Kafka wire-protocol codecs from Apache Kafka's JSON message schemas.
 *
 *   npx tsx packages/kafka-proxy/scripts/generate.ts [schemaDirectory]
 *
 * Reads every `*.json` schema in /work/shared/kafka-protocol (or the given directory) and writes, under
 * src/protocol/generated/:
 *   <api>/types.gen.ts     one TypeScript interface per struct, covering the union of all versions
 *   <api>/defaults.gen.ts  default<Type>() factories (the values decoders use for absent fields)
 *   <api>/v<N>.gen.ts      straight-line encode/decode functions for version N of the request and response
 *   <api>/index.gen.ts     re-exports and the GeneratedApi descriptor (codecs indexed by version)
 *   index.gen.ts           one namespace per API plus `generatedApis`
 * and test/generated/schemas.gen.ts, the parsed schemas the property tests build random messages from.
 * See the package README for the rules the generated code follows.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaDirectory = process.argv[2] ?? "/work/shared/kafka-protocol";
const outputDirectory = join(packageDirectory, "src/protocol/generated");
const testSchemaFile = join(packageDirectory, "test/generated/schemas.gen.ts");

const fileHeader = `// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with \`npx tsx packages/kafka-proxy/scripts/generate.ts\`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.
`;

// ---------------------------------------------------------------------------------------------------
// Schema model

interface FieldSchema {
  readonly name: string;
  readonly type: string;
  readonly versions: string;
  readonly nullableVersions?: string;
  readonly tag?: number;
  readonly taggedVersions?: string;
  readonly default?: string | number | boolean;
  readonly fields?: readonly FieldSchema[];
  readonly flexibleVersions?: string;
  readonly about?: string;
}

interface StructSchema {
  readonly name: string;
  readonly fields: readonly FieldSchema[];
}

interface MessageSchema {
  readonly apiKey?: number;
  readonly type: "request" | "response" | "header" | "data";
  readonly name: string;
  readonly validVersions: string;
  readonly flexibleVersions: string;
  readonly latestVersionUnstable?: boolean;
  readonly fields: readonly FieldSchema[];
  readonly commonStructs?: readonly StructSchema[];
}

interface VersionRange {
  readonly low: number;
  readonly high: number;
}

const versionMax = 0x7fff;

function parseRange(text: string | undefined): VersionRange {
  if (text === undefined || text === "none") return { low: 1, high: 0 };
  if (text.endsWith("+")) return { low: Number(text.slice(0, -1)), high: versionMax };
  const [low, high] = text.split("-");
  return { low: Number(low), high: Number(high ?? low) };
}

function inRange(text: string | undefined, version: number): boolean {
  const range = parseRange(text);
  return version >= range.low && version <= range.high;
}

/** Removes `//` comments outside string literals (some `about` texts contain URLs). */
export function stripComments(text: string): string {
  let output = "";
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (inString) {
      output += character;
      if (character === "\\") output += text[++index];
      else if (character === '"') inString = false;
    } else if (character === '"') {
      inString = true;
      output += character;
    } else if (character === "/" && text[index + 1] === "/") {
      while (index < text.length && text[index] !== "\n") index++;
      output += "\n";
    } else {
      output += character;
    }
  }
  return output;
}

const numericTypes = new Set(["int8", "int16", "int32", "uint16", "uint32", "float64"]);
const primitiveTypes = new Set([...numericTypes, "int64", "bool", "string", "bytes", "records", "uuid"]);

function isArrayType(type: string): boolean {
  return type.startsWith("[]");
}

function elementType(type: string): string {
  return type.slice(2);
}

// ---------------------------------------------------------------------------------------------------
// Per-message context: struct definitions and their TypeScript names

interface StructInfo {
  readonly schemaName: string;
  readonly typeName: string;
  readonly fields: readonly FieldSchema[];
  readonly message: MessageSchema;
}

class MessageContext {
  readonly structs = new Map<string, StructInfo>();
  readonly root: StructInfo;

  constructor(
    readonly message: MessageSchema,
    typeNameOf: (structName: string) => string,
  ) {
    this.root = { schemaName: message.name, typeName: message.name, fields: message.fields, message };
    this.structs.set(message.name, this.root);
    for (const common of message.commonStructs ?? []) {
      this.structs.set(common.name, {
        schemaName: common.name,
        typeName: typeNameOf(common.name),
        fields: common.fields,
        message,
      });
    }
    this.collectInline(message.fields, typeNameOf);
  }

  private collectInline(fields: readonly FieldSchema[], typeNameOf: (structName: string) => string): void {
    for (const field of fields) {
      if (field.fields === undefined) continue;
      const name = isArrayType(field.type) ? elementType(field.type) : field.type;
      if (this.structs.has(name)) throw new Error(`${this.message.name}: struct ${name} defined twice`);
      this.structs.set(name, {
        schemaName: name,
        typeName: typeNameOf(name),
        fields: field.fields,
        message: this.message,
      });
      this.collectInline(field.fields, typeNameOf);
    }
  }

  struct(name: string): StructInfo {
    const struct = this.structs.get(name);
    if (struct === undefined) throw new Error(`${this.message.name}: unknown struct ${name}`);
    return struct;
  }

  isFlexible(version: number): boolean {
    return inRange(this.message.flexibleVersions, version);
  }

  versions(): number[] {
    const range = parseRange(this.message.validVersions);
    const versions: number[] = [];
    for (let version = range.low; version <= range.high; version++) versions.push(version);
    return versions;
  }
}

function structNamesOf(message: MessageSchema): string[] {
  const names: string[] = (message.commonStructs ?? []).map((struct) => struct.name);
  const visit = (fields: readonly FieldSchema[]): void => {
    for (const field of fields) {
      if (field.fields === undefined) continue;
      names.push(isArrayType(field.type) ? elementType(field.type) : field.type);
      visit(field.fields);
    }
  };
  visit(message.fields);
  return names;
}

// ---------------------------------------------------------------------------------------------------
// Naming

function camelCase(name: string): string {
  if (/^[A-Z]+$/.test(name)) return name.toLowerCase();
  return name[0]!.toLowerCase() + name.slice(1);
}

function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

const reservedWords = new Set([
  "default",
  "function",
  "delete",
  "new",
  "class",
  "return",
  "switch",
  "case",
  "var",
  "let",
  "const",
  "value",
  "reader",
  "writer",
  "index",
  "tag",
  "end",
]);

function localName(field: FieldSchema): string {
  const name = camelCase(field.name);
  return reservedWords.has(name) ? `${name}Field` : name;
}

// ---------------------------------------------------------------------------------------------------
// Types and defaults

function isNullableType(field: FieldSchema): boolean {
  return (
    parseRange(field.nullableVersions).low <= parseRange(field.nullableVersions).high ||
    field.default === "null" ||
    field.type === "records"
  );
}

function tsType(context: MessageContext, field: FieldSchema): string {
  const base = tsBaseType(context, field.type);
  return isNullableType(field) ? `${base} | null` : base;
}

function tsBaseType(context: MessageContext, type: string): string {
  if (isArrayType(type)) return `readonly ${tsBaseType(context, elementType(type))}[]`;
  if (numericTypes.has(type)) return "number";
  switch (type) {
    case "int64":
      return "bigint";
    case "bool":
      return "boolean";
    case "string":
    case "uuid":
      return "string";
    case "bytes":
    case "records":
      return "Uint8Array";
    default:
      return context.struct(type).typeName;
  }
}

/** The value a field takes when the version being read does not carry it (see the upstream README). */
function defaultExpression(context: MessageContext, field: FieldSchema): string {
  const value = field.default;
  if (value === "null" || (field.type === "records" && value === undefined)) return "null";
  if (isArrayType(field.type)) return "[]";
  if (numericTypes.has(field.type)) return value === undefined ? "0" : String(Number(value));
  switch (field.type) {
    case "int64":
      return value === undefined ? "0n" : `${BigInt(value)}n`;
    case "bool":
      return value === true || value === "true" ? "true" : "false";
    case "string":
      return JSON.stringify(value ?? "");
    case "uuid":
      return "zeroUuid";
    case "bytes":
      return "emptyBytes";
    default:
      return `default${context.struct(field.type).typeName}()`;
  }
}

/** An expression that is true when `access` differs from the field's default (tagged fields are sent only then). */
function differsFromDefault(context: MessageContext, field: FieldSchema, access: string): string {
  const fallback = defaultExpression(context, field);
  if (fallback === "null") return `${access} !== null`;
  if (isArrayType(field.type) || field.type === "bytes") {
    return isNullableType(field)
      ? `(${access} === null || ${access}.length !== 0)`
      : `${access}.length !== 0`;
  }
  if (primitiveTypes.has(field.type)) return `${access} !== ${fallback}`;
  return `!is${context.struct(field.type).typeName}Default(${access})`;
}

/** The negation of differsFromDefault, written positively for readable generated code. */
function equalsDefault(context: MessageContext, field: FieldSchema, access: string): string {
  const fallback = defaultExpression(context, field);
  if (fallback === "null") return `${access} === null`;
  if (isArrayType(field.type) || field.type === "bytes") {
    return isNullableType(field)
      ? `(${access} !== null && ${access}.length === 0)`
      : `${access}.length === 0`;
  }
  if (primitiveTypes.has(field.type)) return `${access} === ${fallback}`;
  return `is${context.struct(field.type).typeName}Default(${access})`;
}

function usedInFlexibleVersion(context: MessageContext): boolean {
  const flexible = parseRange(context.message.flexibleVersions);
  return flexible.low <= flexible.high && flexible.low <= parseRange(context.message.validVersions).high;
}

function emitTypes(contexts: readonly MessageContext[]): string {
  const lines = [fileHeader, 'import type { TaggedField } from "../../tagged-field.js";', ""];
  for (const context of contexts) {
    for (const struct of context.structs.values()) {
      lines.push(
        `/** ${struct === context.root ? `${struct.message.name}, all versions.` : `${struct.schemaName} in ${struct.message.name}.`} */`,
      );
      lines.push(`export interface ${struct.typeName} {`);
      for (const field of struct.fields) {
        const about = (field.about ?? "").replaceAll("*/", "* /");
        lines.push(
          `  /** ${about} Versions ${field.versions}${field.tag === undefined ? "" : `, tag ${field.tag}`}. */`,
        );
        lines.push(`  readonly ${camelCase(field.name)}: ${tsType(context, field)};`);
      }
      if (usedInFlexibleVersion(context)) {
        lines.push("  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */");
        lines.push("  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;");
      }
      lines.push("}", "");
    }
  }
  return lines.join("\n");
}

function emitDefaults(contexts: readonly MessageContext[]): string {
  const typeNames = contexts.flatMap((context) =>
    [...context.structs.values()].map((struct) => struct.typeName),
  );
  const lines = [
    fileHeader,
    'import { emptyBytes } from "../../generated-support.js";',
    'import { zeroUuid } from "../../uuid.js";',
    `import type { ${typeNames.join(", ")} } from "./types.gen.js";`,
    "",
  ];
  for (const context of contexts) {
    for (const struct of context.structs.values()) {
      lines.push(`/** A ${struct.typeName} with every field at its schema default. */`);
      lines.push(`export function default${struct.typeName}(): ${struct.typeName} {`);
      lines.push("  return {");
      for (const field of struct.fields)
        lines.push(`    ${camelCase(field.name)}: ${defaultExpression(context, field)},`);
      lines.push("  };", "}", "");
      lines.push(
        `/** Whether every field equals its default (a tagged struct is sent only when it does not). */`,
      );
      lines.push(`export function is${struct.typeName}Default(value: ${struct.typeName}): boolean {`);
      const conditions = struct.fields.map((field) =>
        equalsDefault(context, field, `value.${camelCase(field.name)}`),
      );
      if (usedInFlexibleVersion(context))
        conditions.push(
          "(value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0)",
        );
      lines.push(`  return ${conditions.length === 0 ? "true" : conditions.join(" &&\n    ")};`);
      lines.push("}", "");
    }
  }
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------
// Version modules: straight-line encoders and decoders

/** The smallest encoding of one value, used to bound array counts before reading them. */
function minimumBytes(
  context: MessageContext,
  type: string,
  version: number,
  compact: boolean,
  nullable: boolean,
): number {
  if (isArrayType(type)) return compact ? 1 : 4;
  switch (type) {
    case "int8":
    case "bool":
      return 1;
    case "int16":
    case "uint16":
      return 2;
    case "int32":
    case "uint32":
      return 4;
    case "int64":
    case "float64":
      return 8;
    case "uuid":
      return 16;
    case "string":
      return compact ? 1 : 2;
    case "bytes":
    case "records":
      return compact ? 1 : 4;
    default:
      return nullable ? 1 : structMinimumBytes(context, context.struct(type), version);
  }
}

function structMinimumBytes(context: MessageContext, struct: StructInfo, version: number): number {
  const flexible = context.isFlexible(version);
  let total = flexible ? 1 : 0;
  for (const field of struct.fields) {
    if (!inRange(field.versions, version) || isTagged(context, field, version)) continue;
    total += minimumBytes(
      context,
      field.type,
      version,
      isCompact(context, field, version),
      inRange(field.nullableVersions, version),
    );
  }
  return Math.max(1, total);
}

function isTagged(context: MessageContext, field: FieldSchema, version: number): boolean {
  return field.tag !== undefined && context.isFlexible(version) && inRange(field.taggedVersions, version);
}

function isCompact(context: MessageContext, field: FieldSchema, version: number): boolean {
  if (!context.isFlexible(version)) return false;
  return field.flexibleVersions === undefined || inRange(field.flexibleVersions, version);
}

const primitiveMethodSuffix: Record<string, string> = {
  int8: "Int8",
  int16: "Int16",
  int32: "Int32",
  int64: "Int64",
  uint16: "Uint16",
  uint32: "Uint32",
  float64: "Float64",
  bool: "Boolean",
  uuid: "Uuid",
};

function variableLengthSuffix(type: string, compact: boolean, nullable: boolean): string {
  const kind = type === "string" ? "String" : "Bytes";
  return `${compact ? "Compact" : ""}${nullable ? "Nullable" : ""}${kind}`;
}

/** Generates one version module; tracks which struct functions it needs. */
class VersionEmitter {
  private readonly lines: string[] = [];
  private readonly pending: StructInfo[] = [];
  private readonly emitted = new Set<string>();
  private counter = 0;
  readonly usedTypes = new Set<string>();
  readonly usedDefaults = new Set<string>();
  readonly usedSupport = new Set<string>();

  constructor(
    private readonly context: MessageContext,
    private readonly version: number,
  ) {}

  private fresh(prefix: string): string {
    this.counter++;
    return `${prefix}${this.counter}`;
  }

  private need(struct: StructInfo): string {
    if (!this.emitted.has(struct.typeName)) {
      this.emitted.add(struct.typeName);
      this.pending.push(struct);
    }
    this.usedTypes.add(struct.typeName);
    return struct.typeName;
  }

  emit(): string[] {
    const root = this.context.root;
    const suffix = `V${this.version}`;
    this.emitted.add(root.typeName);
    this.usedTypes.add(root.typeName);
    this.emitReadFunction(root, `export function decode${root.typeName}${suffix}`);
    this.emitWriteFunction(root, `export function encode${root.typeName}${suffix}`);
    while (this.pending.length > 0) {
      const struct = this.pending.shift()!;
      this.emitReadFunction(struct, `function read${struct.typeName}`);
      this.emitWriteFunction(struct, `function write${struct.typeName}`);
    }
    return this.lines;
  }

  // Decoding ---------------------------------------------------------------------------------------

  private emitReadFunction(struct: StructInfo, signature: string): void {
    this.counter = 0;
    const body: string[] = [];
    const tagged: FieldSchema[] = [];
    for (const field of struct.fields) {
      const name = localName(field);
      if (!inRange(field.versions, this.version)) {
        body.push(`const ${name}: ${tsType(this.context, field)} = ${this.defaultOf(field)};`);
      } else if (isTagged(this.context, field, this.version)) {
        body.push(`let ${name}: ${tsType(this.context, field)} = ${this.defaultOf(field)};`);
        tagged.push(field);
      } else {
        body.push(...this.readField(field, `const ${name}`));
      }
    }
    const flexible = this.context.isFlexible(this.version);
    if (flexible) body.push(...this.readTaggedSection(tagged));
    const properties = struct.fields.map((field) => {
      const name = localName(field);
      return name === camelCase(field.name) ? name : `${camelCase(field.name)}: ${name}`;
    });
    if (flexible) properties.push("unknownTaggedFields");
    this.lines.push(`${signature}(reader: Reader): ${struct.typeName} {`);
    for (const line of body) this.lines.push(`  ${line}`);
    this.lines.push(`  return { ${properties.join(", ")} };`, "}", "");
  }

  private defaultOf(field: FieldSchema): string {
    const expression = defaultExpression(this.context, field);
    if (expression === "emptyBytes") this.usedSupport.add("emptyBytes");
    else if (expression === "zeroUuid") this.usedSupport.add("zeroUuid");
    else if (expression.startsWith("default")) this.usedDefaults.add(expression.slice(0, -2));
    return expression;
  }

  private readTaggedSection(tagged: readonly FieldSchema[]): string[] {
    if (tagged.length === 0) {
      this.usedSupport.add("readUnknownTaggedFieldsOnly");
      return ["const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);"];
    }
    this.usedSupport.add("TaggedField");
    const lines = [
      "let unknownTaggedFields: TaggedField[] | undefined;",
      "const taggedFieldCount = reader.readTaggedFieldCount();",
      "let previousTag = -1;",
      "for (let index = 0; index < taggedFieldCount; index++) {",
      "  const tag = reader.readTag(previousTag);",
      "  previousTag = tag;",
      "  const end = reader.readTaggedFieldEnd();",
      "  switch (tag) {",
    ];
    for (const field of [...tagged].sort((left, right) => left.tag! - right.tag!)) {
      lines.push(`    case ${field.tag}: {`);
      for (const line of this.readField(field, localName(field))) lines.push(`      ${line}`);
      lines.push("      break;", "    }");
    }
    lines.push(
      "    default:",
      "      unknownTaggedFields ??= [];",
      "      unknownTaggedFields.push(reader.readUnknownTaggedField(tag, end));",
      "  }",
      "  reader.expectTaggedFieldEnd(end, tag);",
      "}",
    );
    return lines;
  }

  /** Statements that read `field` and assign it to `target` (`const name` or an existing `let`). */
  private readField(field: FieldSchema, target: string): string[] {
    const compact = isCompact(this.context, field, this.version);
    const nullable = inRange(field.nullableVersions, this.version);
    if (!isArrayType(field.type)) return [`${target} = ${this.readValue(field.type, compact, nullable)};`];
    const element = elementType(field.type);
    const elementTsType = tsBaseType(this.context, element);
    const minimum = minimumBytes(this.context, element, this.version, compact, false);
    const length = this.fresh("length");
    const items = this.fresh("items");
    const item = this.readValue(element, compact, false);
    if (!nullable) {
      return [
        `const ${length} = reader.readArrayLengthNotNull(${minimum}, ${compact});`,
        `const ${items}: ${elementTsType}[] = [];`,
        `for (let index = 0; index < ${length}; index++) ${items}.push(${item});`,
        `${target} = ${items};`,
      ];
    }
    return [
      `const ${length} = reader.read${compact ? "Compact" : ""}ArrayLength(${minimum});`,
      `let ${items}: ${elementTsType}[] | null = null;`,
      `if (${length} >= 0) {`,
      `  ${items} = [];`,
      `  for (let index = 0; index < ${length}; index++) ${items}.push(${item});`,
      "}",
      `${target} = ${items};`,
    ];
  }

  private readValue(type: string, compact: boolean, nullable: boolean): string {
    const suffix = primitiveMethodSuffix[type];
    if (suffix !== undefined) return `reader.read${suffix}()`;
    if (type === "string" || type === "bytes" || type === "records") {
      return `reader.read${variableLengthSuffix(type, compact, nullable)}()`;
    }
    const name = this.need(this.context.struct(type));
    return nullable ? `reader.readStructPresence() ? read${name}(reader) : null` : `read${name}(reader)`;
  }

  // Encoding ---------------------------------------------------------------------------------------

  private emitWriteFunction(struct: StructInfo, signature: string): void {
    this.counter = 0;
    const body: string[] = [];
    const tagged: FieldSchema[] = [];
    for (const field of struct.fields) {
      if (!inRange(field.versions, this.version)) continue;
      if (isTagged(this.context, field, this.version)) tagged.push(field);
      else body.push(...this.writeField(struct, field));
    }
    if (this.context.isFlexible(this.version)) body.push(...this.writeTaggedSection(struct, tagged));
    this.lines.push(`${signature}(writer: Writer, value: ${struct.typeName}): void {`);
    for (const line of body) this.lines.push(`  ${line}`);
    this.lines.push("}", "");
  }

  /** The field's value, with a null check when our type allows null but this version does not. */
  private access(struct: StructInfo, field: FieldSchema): string {
    const access = `value.${camelCase(field.name)}`;
    if (!isNullableType(field) || inRange(field.nullableVersions, this.version)) return access;
    this.usedSupport.add("requireNotNull");
    return `requireNotNull(${access}, "${struct.typeName}.${camelCase(field.name)}")`;
  }

  private writeField(struct: StructInfo, field: FieldSchema): string[] {
    const compact = isCompact(this.context, field, this.version);
    const nullable = inRange(field.nullableVersions, this.version);
    const access = this.access(struct, field);
    if (!isArrayType(field.type)) return this.writeValue(field.type, access, compact, nullable);
    const items = this.fresh("items");
    const element = elementType(field.type);
    const loop = [
      `for (let index = 0; index < ${items}.length; index++) {`,
      ...this.writeValue(element, `${items}[index]!`, compact, false).map((line) => `  ${line}`),
      "}",
    ];
    if (!nullable)
      return [
        `const ${items} = ${access};`,
        `writer.writeArrayLength(${items}.length, ${compact});`,
        ...loop,
      ];
    return [
      `const ${items} = ${access};`,
      `if (${items} === null) {`,
      `  writer.writeArrayLength(null, ${compact});`,
      "} else {",
      `  writer.writeArrayLength(${items}.length, ${compact});`,
      ...loop.map((line) => `  ${line}`),
      "}",
    ];
  }

  private writeValue(type: string, access: string, compact: boolean, nullable: boolean): string[] {
    const suffix = primitiveMethodSuffix[type];
    if (suffix !== undefined) return [`writer.write${suffix}(${access});`];
    if (type === "string" || type === "bytes" || type === "records") {
      return [`writer.write${variableLengthSuffix(type, compact, nullable)}(${access});`];
    }
    const name = this.need(this.context.struct(type));
    if (!nullable) return [`write${name}(writer, ${access});`];
    const present = this.fresh("struct");
    return [
      `const ${present} = ${access};`,
      `if (${present} === null) writer.writeInt8(-1);`,
      "else {",
      "  writer.writeInt8(1);",
      `  write${name}(writer, ${present});`,
      "}",
    ];
  }

  private writeTaggedSection(struct: StructInfo, tagged: readonly FieldSchema[]): string[] {
    if (tagged.length === 0) {
      this.usedSupport.add("writeUnknownTaggedFieldsOnly");
      return ["writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);"];
    }
    this.usedSupport.add("emptyTaggedFields");
    const sorted = [...tagged].sort((left, right) => left.tag! - right.tag!);
    const lines = [
      "const unknownTaggedFields = value.unknownTaggedFields ?? emptyTaggedFields;",
      "let taggedFieldCount = unknownTaggedFields.length;",
    ];
    for (const field of sorted) {
      const condition = differsFromDefault(this.context, field, `value.${camelCase(field.name)}`);
      if (condition.startsWith("!is")) this.usedDefaults.add(condition.slice(1, condition.indexOf("(")));
      lines.push(`const hasTag${field.tag} = ${condition};`, `if (hasTag${field.tag}) taggedFieldCount++;`);
    }
    lines.push("writer.writeUnsignedVarint(taggedFieldCount);", "let unknownIndex = 0;");
    for (const field of sorted) {
      lines.push(
        `if (hasTag${field.tag}) {`,
        `  unknownIndex = writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, ${field.tag});`,
        `  const sizePosition = writer.beginTaggedField(${field.tag});`,
        ...this.writeField(struct, field).map((line) => `  ${line}`),
        "  writer.endTaggedField(sizePosition);",
        "}",
      );
    }
    lines.push(
      "writer.writeUnknownTaggedFields(unknownTaggedFields, unknownIndex, Number.POSITIVE_INFINITY);",
    );
    return lines;
  }
}

function emitVersionModule(contexts: readonly MessageContext[], version: number): string {
  const body: string[] = [];
  const types = new Set<string>();
  const defaults = new Set<string>();
  const support = new Set<string>();
  for (const context of contexts) {
    if (!inRange(context.message.validVersions, version)) continue;
    const emitter = new VersionEmitter(context, version);
    body.push(...emitter.emit());
    for (const name of emitter.usedTypes) types.add(name);
    for (const name of emitter.usedDefaults) defaults.add(name);
    for (const name of emitter.usedSupport) support.add(name);
  }
  const imports = [
    'import type { Reader } from "../../reader.js";',
    'import type { Writer } from "../../writer.js";',
  ];
  if (support.has("TaggedField")) imports.push('import type { TaggedField } from "../../tagged-field.js";');
  const helpers = [
    "emptyBytes",
    "readUnknownTaggedFieldsOnly",
    "requireNotNull",
    "writeUnknownTaggedFieldsOnly",
  ].filter((name) => support.has(name));
  if (helpers.length > 0) imports.push(`import { ${helpers.join(", ")} } from "../../generated-support.js";`);
  if (support.has("zeroUuid")) imports.push('import { zeroUuid } from "../../uuid.js";');
  if (defaults.size > 0)
    imports.push(`import { ${[...defaults].sort().join(", ")} } from "./defaults.gen.js";`);
  // Import every type of the group: field types appear in declarations the emitter does not track.
  const allTypes = contexts.flatMap((context) =>
    [...context.structs.values()].map((struct) => struct.typeName),
  );
  imports.push(
    `import type { ${[...new Set([...types, ...allTypes])].sort().join(", ")} } from "./types.gen.js";`,
  );
  const constants = support.has("emptyTaggedFields")
    ? ["", "const emptyTaggedFields: readonly TaggedField[] = [];"]
    : [];
  if (support.has("emptyTaggedFields") && !support.has("TaggedField"))
    imports.push('import type { TaggedField } from "../../tagged-field.js";');
  return [fileHeader, ...imports, ...constants, "", ...body].join("\n");
}

// ---------------------------------------------------------------------------------------------------
// Folders and indexes

interface Group {
  readonly folder: string;
  readonly namespace: string;
  readonly api: { readonly apiKey: number; readonly name: string } | undefined;
  readonly contexts: MessageContext[];
}

function buildGroups(messages: readonly MessageSchema[]): Group[] {
  const byFolder = new Map<string, MessageSchema[]>();
  for (const message of messages) {
    const base =
      message.apiKey === undefined ? message.name : message.name.replace(/(Request|Response)$/, "");
    const list = byFolder.get(base) ?? [];
    list.push(message);
    byFolder.set(base, list);
  }
  const groups: Group[] = [];
  for (const [base, members] of [...byFolder].sort(([left], [right]) => left.localeCompare(right))) {
    members.sort((left, right) => (left.type === "request" ? -1 : right.type === "request" ? 1 : 0));
    const counts = new Map<string, number>();
    for (const name of members.flatMap(structNamesOf)) counts.set(name, (counts.get(name) ?? 0) + 1);
    const messageNames = new Set(members.map((message) => message.name));
    const contexts = members.map(
      (message) =>
        new MessageContext(message, (structName) =>
          (counts.get(structName) ?? 0) > 1 || messageNames.has(structName)
            ? `${message.name}${structName}`
            : structName,
        ),
    );
    const first = members[0]!;
    const api = first.apiKey === undefined ? undefined : { apiKey: first.apiKey, name: base };
    groups.push({ folder: kebabCase(base), namespace: base, api, contexts });
  }
  return groups;
}

function emitGroupIndex(group: Group, versions: readonly number[]): string {
  const lines = [
    fileHeader,
    'import type { GeneratedApi, GeneratedMessage } from "../../generated-support.js";',
  ];
  const typeNames = group.contexts.flatMap((context) =>
    [...context.structs.values()].map((struct) => struct.typeName),
  );
  lines.push(
    `import type { ${group.contexts.map((context) => context.root.typeName).join(", ")} } from "./types.gen.js";`,
  );
  for (const version of versions) {
    const names = group.contexts.flatMap((context) => [
      `decode${context.root.typeName}V${version}`,
      `encode${context.root.typeName}V${version}`,
    ]);
    lines.push(`import { ${names.join(", ")} } from "./v${version}.gen.js";`);
  }
  lines.push("");
  lines.push(`export type { ${typeNames.join(", ")} } from "./types.gen.js";`);
  const defaults = typeNames.flatMap((name) => [`default${name}`, `is${name}Default`]);
  lines.push(`export { ${defaults.join(", ")} } from "./defaults.gen.js";`);
  for (const version of versions) {
    const names = group.contexts.flatMap((context) => [
      `decode${context.root.typeName}V${version}`,
      `encode${context.root.typeName}V${version}`,
    ]);
    lines.push(`export { ${names.join(", ")} };`);
  }
  lines.push("");
  const messageDescriptor = (context: MessageContext): string => {
    const range = parseRange(context.message.validVersions);
    const flexible = parseRange(context.message.flexibleVersions);
    const list = (verb: string) =>
      context
        .versions()
        .map((version) => `${verb}${context.root.typeName}V${version}`)
        .join(", ");
    return `{
  name: "${context.message.name}",
  minVersion: ${range.low},
  maxVersion: ${range.high},
  firstFlexibleVersion: ${flexible.low <= flexible.high ? flexible.low : "null"},
  decode: [${list("decode")}],
  encode: [${list("encode")}],
}`;
  };
  for (const context of group.contexts) {
    lines.push(
      `export const ${camelCase(context.root.typeName)}Message: GeneratedMessage<${context.root.typeName}> = ${messageDescriptor(context)};`,
      "",
    );
  }
  if (group.api !== undefined) {
    const [request, response] = group.contexts as [MessageContext, MessageContext];
    const range = parseRange(request.message.validVersions);
    const flexible = parseRange(request.message.flexibleVersions);
    lines.push(`export const ${camelCase(group.namespace)}Api: GeneratedApi<${request.root.typeName}, ${response.root.typeName}> = {
  apiKey: ${group.api.apiKey},
  name: "${group.api.name}",
  minVersion: ${range.low},
  maxVersion: ${range.high},
  firstFlexibleVersion: ${flexible.low <= flexible.high ? flexible.low : "null"},
  latestVersionUnstable: ${request.message.latestVersionUnstable === true},
  request: ${camelCase(request.root.typeName)}Message,
  response: ${camelCase(response.root.typeName)}Message,
};`);
  }
  return `${lines.join("\n")}\n`;
}

function emitTopIndex(groups: readonly Group[]): string {
  const lines = [fileHeader, 'import type { GeneratedApi } from "../generated-support.js";'];
  for (const group of groups) {
    if (group.api !== undefined)
      lines.push(`import { ${camelCase(group.namespace)}Api } from "./${group.folder}/index.gen.js";`);
  }
  lines.push("");
  for (const group of groups)
    lines.push(`export * as ${group.namespace} from "./${group.folder}/index.gen.js";`);
  const apis = groups
    .filter((group) => group.api !== undefined)
    .sort((left, right) => left.api!.apiKey - right.api!.apiKey);
  lines.push(
    "",
    "/** Every API with generated codecs, in api-key order. Which of them we advertise is decided in api-table.ts. */",
    "// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of APIs.",
    `export const generatedApis: readonly GeneratedApi<any, any>[] = [${apis.map((group) => `${camelCase(group.namespace)}Api`).join(", ")}];`,
  );
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------------
// Main

function loadSchemas(): MessageSchema[] {
  const files = readdirSync(schemaDirectory)
    .filter((name) => name.endsWith(".json"))
    .sort();
  return files.map(
    (name) => JSON.parse(stripComments(readFileSync(join(schemaDirectory, name), "utf8"))) as MessageSchema,
  );
}

/** Keeps only what affects the wire, for the property tests' random-message builder. */
function wireSchema(message: MessageSchema): unknown {
  return JSON.parse(
    JSON.stringify(message, (key, value) =>
      ["about", "entityType", "mapKey", "listeners", "ignorable", "zeroCopy", "deprecatedVersions"].includes(
        key,
      )
        ? undefined
        : value,
    ),
  );
}

function main(): void {
  const messages = loadSchemas();
  const groups = buildGroups(messages);
  rmSync(outputDirectory, { recursive: true, force: true });
  for (const group of groups) {
    const folder = join(outputDirectory, group.folder);
    mkdirSync(folder, { recursive: true });
    const versions = [...new Set(group.contexts.flatMap((context) => context.versions()))].sort(
      (left, right) => left - right,
    );
    for (const context of group.contexts) {
      if (parseRange(context.message.validVersions).low !== 0)
        throw new Error(`${context.message.name}: versions must start at 0`);
    }
    writeFileSync(join(folder, "types.gen.ts"), emitTypes(group.contexts));
    writeFileSync(join(folder, "defaults.gen.ts"), emitDefaults(group.contexts));
    for (const version of versions)
      writeFileSync(join(folder, `v${version}.gen.ts`), emitVersionModule(group.contexts, version));
    writeFileSync(join(folder, "index.gen.ts"), emitGroupIndex(group, versions));
  }
  writeFileSync(join(outputDirectory, "index.gen.ts"), emitTopIndex(groups));
  mkdirSync(dirname(testSchemaFile), { recursive: true });
  writeFileSync(
    testSchemaFile,
    `${fileHeader}\n/** The schemas the codecs were generated from, comments and documentation removed. */\nexport const schemas: readonly unknown[] = ${JSON.stringify(messages.map(wireSchema), null, 1)};\n`,
  );
  console.log(`generated ${groups.length} folders from ${messages.length} schemas into ${outputDirectory}`);
}

main();
