/** GitHub's {@code push} webhook as annotated payload types: a class with getters and setters, a class with package-private fields, and records. */
package dev.hookguard.samples.github;
