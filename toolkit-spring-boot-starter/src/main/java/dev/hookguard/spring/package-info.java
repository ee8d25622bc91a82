/**
 * HookGuard for Spring Boot 4: {@link dev.hookguard.spring.HookGuardAutoConfiguration} makes a
 * {@code HookGuard} bean from {@link dev.hookguard.spring.HookGuardProperties} ({@code
 * hookguard.*}) and serves every {@link dev.hookguard.spring.WebhookListener} method at its path
 * through HookGuard's receiving pipeline; with Micrometer it counts every answer, with Spring
 * Boot's health support it adds {@link dev.hookguard.spring.HookGuardHealthIndicator}, and it
 * sweeps retention every {@code hookguard.retention.sweep-interval}. Settings that cannot work
 * stop the application at startup with a {@link
 * dev.hookguard.spring.HookGuardConfigurationException} that says what to set.
 *
 * <p>The jar is the automatic module {@code dev.hookguard.spring}, like Spring Boot's own.
 */
package dev.hookguard.spring;
