/**
 * The sample program's command line ({@code ./hookguard serve|send|demo|keys|sweep|audit|report}):
 * a receiver for the sample Stripe, GitHub and Shopify payload types on SQLite (or PostgreSQL),
 * a sender that signs sample events as the providers do, and the one-command demo.
 */
package dev.hookguard.samples.cli;
