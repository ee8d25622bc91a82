/**
 * The privacy manifests of the application: what personal data its payload types hold and how
 * each property is protected, as the HookGuard processor wrote it at compile time into every
 * compilation's {@code META-INF/hookguard/privacy-manifest.json}. {@link
 * dev.hookguard.runtime.privacy.PrivacyManifests#load()} finds them on the class path and in the
 * named modules of the module path; records of processing, inventories and audits are built from
 * them. A manifest holds names and policies, never a value.
 */
package dev.hookguard.runtime.privacy;
