/**
 * The annotations a developer puts on webhook payload types: {@link dev.hookguard.api.WebhookPayload},
 * {@link dev.hookguard.api.Sensitive}, {@link dev.hookguard.api.Encrypt} and
 * {@link dev.hookguard.api.Retain}. The HookGuard annotation processor reads them at compile time;
 * nothing in this module runs at run time.
 */
module dev.hookguard.api {
  exports dev.hookguard.api;
}
