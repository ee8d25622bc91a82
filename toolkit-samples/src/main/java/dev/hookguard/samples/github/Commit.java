package dev.hookguard.samples.github;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One commit of a push. A class with package-private fields: generated code, which lives in
 * this package, reads and writes them directly.
 */
public class Commit {
  String id;
  String treeId;
  boolean distinct;
  String message;
  OffsetDateTime timestamp;
  String url;
  Person author;
  Person committer;
  List<String> added;
  List<String> removed;
  List<String> modified;

  public Commit() {}
}
