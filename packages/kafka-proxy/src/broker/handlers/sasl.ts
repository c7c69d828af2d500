/**
 * SaslHandshake (key 17) and SaslAuthenticate (key 36): authentication is not served yet. The handshake
 * answers UNSUPPORTED_SASL_MECHANISM with no mechanisms, so a client configured for SASL fails cleanly
 * with a clear error instead of a dropped connection; an authenticate without it is ILLEGAL_SASL_STATE.
 */
import {
  type SaslAuthenticateRequest,
  type SaslAuthenticateResponse,
  saslAuthenticateApi,
} from "../../protocol/generated/sasl-authenticate/index.gen.js";
import {
  type SaslHandshakeRequest,
  type SaslHandshakeResponse,
  saslHandshakeApi,
} from "../../protocol/generated/sasl-handshake/index.gen.js";
import { defineHandler } from "../context.js";

const unsupportedSaslMechanism = 33;
const illegalSaslState = 34;

export const saslHandshakeHandler = defineHandler<SaslHandshakeRequest, SaslHandshakeResponse>({
  api: saslHandshakeApi,
  handle: async () => ({ errorCode: unsupportedSaslMechanism, mechanisms: [] }),
  errorResponse: (_request, errorCode) => ({ errorCode, mechanisms: [] }),
});

export const saslAuthenticateHandler = defineHandler<SaslAuthenticateRequest, SaslAuthenticateResponse>({
  api: saslAuthenticateApi,
  handle: async () => failed(illegalSaslState, "SASL authentication is not enabled on this listener"),
  errorResponse: (_request, errorCode) => failed(errorCode, null),
});

function failed(errorCode: number, errorMessage: string | null): SaslAuthenticateResponse {
  return { errorCode, errorMessage, authBytes: new Uint8Array(0), sessionLifetimeMs: 0n };
}
