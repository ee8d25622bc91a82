/**
 * A Jakarta Servlet adapter for the receiving pipeline: {@link
 * dev.hookguard.servlet.WebhookServlet} runs a {@link
 * dev.hookguard.runtime.receiver.WebhookReceiver}'s checks that need no body before it reads a
 * byte of the body, then reads the body with the size limit enforced while reading, and writes the
 * receiver's answer; {@link dev.hookguard.servlet.WebhookFilter} does the same as a filter, ahead
 * of the application's other filters.
 */
package dev.hookguard.servlet;
