package dev.hookguard.samples.cli;

import dev.hookguard.runtime.HookGuard;
import dev.hookguard.runtime.generated.FieldSpec;
import dev.hookguard.runtime.generated.StoreSchema;
import dev.hookguard.runtime.privacy.PrivacyManifests;
import dev.hookguard.runtime.retention.RetentionReport;
import dev.hookguard.samples.github.GitHubPushStore;
import dev.hookguard.samples.shopify.ShopifyOrderStore;
import dev.hookguard.samples.stripe.StripeEventStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hookguard report}: the records of processing (GDPR Article 30) of every payload type in
 * the privacy manifests the application sees (purpose, data subjects, categories of personal
 * data, retention, technical measures), then what the store holds now (records per expiry day,
 * oldest record, records past expiry, live day keys, key generation, and each stored field's
 * protection from the generated schemas). As text, Markdown or JSON; {@code --records-only}
 * leaves the store out and needs no database.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Records of processing (GDPR Art. 30) from the privacy manifests, and what the store holds: "
        + "types, categories, encryption, retention, records.")
final class ReportCommand implements Callable<Integer> {

  /** How the report is written. */
  enum Format { TEXT, MARKDOWN, JSON }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "TEXT",
      description = "text, markdown or json (default: text; --json is json).")
  String format;

  @Option(names = "--records-only",
      description = "Only the records of processing, from the manifests: no database is opened.")
  boolean recordsOnly;

  static final List<StoreSchema> SCHEMAS =
      List.of(StripeEventStore.SCHEMA, GitHubPushStore.SCHEMA, ShopifyOrderStore.SCHEMA);

  @Mixin
  CommonOptions common;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  Format format() {
    if (common.json) {
      return Format.JSON;
    }
    try {
      return Format.valueOf(format.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "--format must be text, markdown or json, not " + format);
    }
  }

  @Override
  public Integer call() {
    Format format = format();
    ProcessingRecords records = ProcessingRecords.of(PrivacyManifests.load());
    if (recordsOnly) {
      switch (format) {
        case TEXT -> System.out.print(records.text());
        case MARKDOWN -> System.out.print(records.markdown());
        case JSON -> System.out.println(Json.object(Map.of("records_of_processing", records.json())));
      }
      return 0;
    }
    try (HookGuard hookGuard = common.open()) {
      // Opening a store tells the report the type's retention periods.
      StripeEventStore.create(hookGuard);
      GitHubPushStore.create(hookGuard);
      ShopifyOrderStore.create(hookGuard);
      RetentionReport report = hookGuard.retention().report();
      int generation = hookGuard.keys().generation();
      switch (format) {
        case JSON -> {
          Map<String, Object> map = toMap(report, generation);
          map.put("records_of_processing", records.json());
          System.out.println(Json.object(map));
        }
        case MARKDOWN -> {
          System.out.print(records.markdown());
          System.out.println("\n# Stored now\n\n```");
          print(System.out, report, generation);
          System.out.println("```");
        }
        case TEXT -> {
          System.out.println(records.text());
          print(System.out, report, generation);
        }
      }
    }
    return 0;
  }

  static void print(PrintStream out, RetentionReport report, int generation) {
    out.println("Privacy and retention report at " + report.at() + " (data key generation "
        + generation + ", live day keys " + report.liveDayKeys().size() + ")");
    for (StoreSchema schema : SCHEMAS) {
      var type = report.type(schema.payloadType());
      out.printf("%n%s: kept %s; %d records, oldest %s, %d past expiry%n", simple(schema.payloadType()),
          days(schema.retainDays()), type.map(RetentionReport.PayloadTypeRetention::records).orElse(0L),
          type.flatMap(RetentionReport.PayloadTypeRetention::oldestReceivedAt).map(Object::toString).orElse("-"),
          type.map(RetentionReport.PayloadTypeRetention::recordsPastExpiry).orElse(0L));
      type.ifPresent(t -> t.recordsByExpiryDay().forEach((day, count) ->
          out.printf("    expiring %s: %d records%n", day, count)));
      for (FieldSpec field : schema.fields()) {
        if (field.isSensitive() || field.protection() != dev.hookguard.runtime.generated.Protection.PLAIN
            || field.retainDays().isPresent()) {
          out.printf("  %-20s %-12s %-40s %s%n", field.path(), field.protection(),
              field.categories(), field.retainDays().isPresent() ? days(field.retainDays()) : "");
        }
      }
    }
    out.printf("%nRecords past expiry in total: %d (0 after a sweep)%n", report.recordsPastExpiry());
  }

  private static Map<String, Object> toMap(RetentionReport report, int generation) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("at", report.at());
    map.put("key_generation", generation);
    map.put("live_day_keys", report.liveDayKeys().size());
    List<Object> types = new ArrayList<>();
    for (StoreSchema schema : SCHEMAS) {
      Map<String, Object> type = new LinkedHashMap<>();
      type.put("type", schema.payloadType());
      type.put("retain_days", schema.retainDays().isPresent() ? schema.retainDays().getAsInt() : null);
      report.type(schema.payloadType()).ifPresent(t -> {
        type.put("records", t.records());
        type.put("records_past_expiry", t.recordsPastExpiry());
        Map<String, Object> byDay = new LinkedHashMap<>();
        t.recordsByExpiryDay().forEach((day, count) -> byDay.put(day.toString(), count));
        type.put("records_by_expiry_day", byDay);
      });
      List<Object> fields = new ArrayList<>();
      for (FieldSpec field : schema.fields()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("path", field.path());
        f.put("protection", field.protection());
        f.put("categories", field.categories().stream().map(Enum::name).toList());
        f.put("retain_days", field.retainDays().isPresent() ? field.retainDays().getAsInt() : null);
        fields.add(f);
      }
      type.put("fields", fields);
      types.add(type);
    }
    map.put("types", types);
    map.put("records_past_expiry", report.recordsPastExpiry());
    return map;
  }

  private static String days(java.util.OptionalInt days) {
    return days.isPresent() ? days.getAsInt() + " days" : "without limit";
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
