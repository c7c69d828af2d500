import { HelixError } from "@helixlog/core";

/** The HelixError `operation` fails with; fails the test if it succeeds or fails with anything else. */
export async function rejection(operation: Promise<unknown>): Promise<HelixError> {
  try {
    await operation;
  } catch (error) {
    if (HelixError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
