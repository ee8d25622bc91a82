package dev.hookguard.runtime.generated;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The names read so far in each open object whose names no type declares: a record's unknown
 * properties, and every object inside a skipped value. A repeated one is refused, as Jackson's
 * strict duplicate detection refused it, without a set per object: the names of all open objects
 * share one array, each object's from where it began; an object with more than {@value #SCANNED}
 * such names (rare in webhooks, common in a hostile body) gets a hash set, so a million names cost
 * a million look-ups and not their square. Nothing is allocated until the first such name: most
 * webhooks have none.
 */
final class ObjectNames {

  private static final int SCANNED = 8;

  private String[] names;
  private int size;
  /**
   * Per open object, innermost last: where its names begin, and its set once it has one. Before
   * the first name, only the depth is counted.
   */
  private int[] starts;
  private Set<?>[] sets;
  private int depth;

  /** An object begins. */
  void open() {
    if (starts != null) {
      if (depth == starts.length) {
        starts = Arrays.copyOf(starts, depth * 2);
        sets = Arrays.copyOf(sets, depth * 2);
      }
      starts[depth] = size;
      sets[depth] = null;
    }
    depth++;
  }

  /** The innermost object ends: its names are forgotten. */
  void close() {
    depth--;
    if (starts != null) {
      size = starts[depth];
      sets[depth] = null;
    }
  }

  /** Adds a name to the innermost object: false if it already had it. */
  boolean add(String name) {
    if (starts == null) {
      // Every object open so far has no names here yet: all begin at 0.
      names = new String[16];
      starts = new int[Math.max(8, depth * 2)];
      sets = new Set<?>[starts.length];
    }
    int top = depth - 1;
    @SuppressWarnings("unchecked")
    Set<String> set = (Set<String>) sets[top];
    if (set != null) {
      return set.add(name);
    }
    int start = starts[top];
    for (int i = start; i < size; i++) {
      if (names[i].equals(name)) {
        return false;
      }
    }
    if (size - start == SCANNED) {
      Set<String> hashed = new HashSet<>(Arrays.asList(names).subList(start, size));
      hashed.add(name);
      sets[top] = hashed;
      return true;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
    }
    names[size++] = name;
    return true;
  }
}
