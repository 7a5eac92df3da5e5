/** Key for the HMAC over request bodies that idempotency records keep. */
export const IDEMPOTENCY_FINGERPRINT_KEY = Symbol('IDEMPOTENCY_FINGERPRINT_KEY');
