package dev.hookguard.runtime.posture.internal;

import dev.hookguard.runtime.posture.Finding;
import dev.hookguard.runtime.posture.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Owner-only permissions of the files that hold data or keys. */
final class FileChecks {

  private static final Set<PosixFilePermission> OWNER =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private FileChecks() {}

  /** A finding for each of {@code files} that exists and is open to group or others. */
  static List<Finding> check(List<Path> files) {
    List<Finding> findings = new ArrayList<>();
    for (Path file : files) {
      // Through symbolic links: what matters is who can read the file the data is in.
      if (!Files.exists(file)) {
        continue;
      }
      PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
      if (view == null) {
        findings.add(new Finding("files.unchecked", Severity.INFO, "file " + file,
            "The file system has no POSIX permissions, so who may read the file was not checked.",
            "Restrict access to the file to the receiver's account by the file system's own"
                + " means."));
        continue;
      }
      Set<PosixFilePermission> permissions;
      try {
        permissions = view.readAttributes().permissions();
      } catch (IOException e) {
        findings.add(new Finding("files.unchecked", Severity.INFO, "file " + file,
            "The file's permissions could not be read (" + e.getClass().getSimpleName() + ").",
            "Check that the file is readable and writable by its owner only."));
        continue;
      }
      if (!OWNER.containsAll(permissions)) {
        findings.add(new Finding("files.not-owner-only", Severity.HIGH, "file " + file,
            "The file has permissions " + PosixFilePermissions.toString(permissions)
                + ": other accounts on the machine can read or change it.",
            "Make it owner-only: chmod 600 " + file.getFileName() + " (and run the receiver"
                + " with a umask of 077)."));
      }
    }
    return findings;
  }
}
