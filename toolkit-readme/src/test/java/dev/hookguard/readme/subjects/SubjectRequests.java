package dev.hookguard.readme.subjects;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.store.Accessor;
import dev.hookguard.runtime.subject.ErasureReport;
import dev.hookguard.runtime.subject.SubjectExport;
import dev.hookguard.runtime.subject.SubjectRecord;
import dev.hookguard.runtime.subject.Subjects;
import java.util.List;

/** README, "Data subjects": the three requests, run by {@link SubjectRequestsTest}. */
final class SubjectRequests {

  private SubjectRequests() {}

  record Answers(List<SubjectRecord> held, String document, ErasureReport erased) {}

  static Answers run(HookGuard hookGuard, Accessor dpo) {
    Subjects subjects = hookGuard.subjects();
    List<SubjectRecord> held = subjects.find("ada@example.com");     // every payload type
    SubjectExport copy = subjects.export("ada@example.com", dpo, "access request 42");
    String document = copy.toJson();                                 // for the person
    ErasureReport erased = subjects.erase("ada@example.com", "erasure request 43");
    subjects.resumeErasures();    // at start-up: finishes erasures a crash interrupted
    return new Answers(held, document, erased);
  }
}
