package dev.hookguard.runtime.receiver;

/** The test payload: an id, and an email that is sensitive. */
record Order(String id, String email) {}
