import { HelixError } from "@helixlog/core";

/** Every store answers a range outside the object the same way: INVALID_ARGUMENT, never a short read. */
export function checkRange(key: string, start: number, endExclusive: number, sizeBytes: number): void {
  if (
    !Number.isSafeInteger(start) ||
    !Number.isSafeInteger(endExclusive) ||
    start < 0 ||
    start > endExclusive ||
    endExclusive > sizeBytes
  ) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `object ${key}: range [${start}, ${endExclusive}) is not inside its ${sizeBytes} bytes`,
    );
  }
}

export function hex(value: number): string {
  return `0x${(value >>> 0).toString(16).padStart(8, "0")}`;
}
