package dev.hookguard.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hookguard}: the sample program's commands. */
@Command(name = "hookguard", mixinStandardHelpOptions = true, version = "HookGuard samples 0.1.0",
    description = "Receive, verify, redact, encrypt and retain webhooks: the HookGuard samples.",
    subcommands = {DemoCommand.class, ServeCommand.class, SendCommand.class, ConsumeCommand.class,
        RedactCommand.class,
        KeysCommand.class, SweepCommand.class, AuditCommand.class, ReportCommand.class,
        SubjectCommand.class, DoctorCommand.class,
        CommandLine.HelpCommand.class})
public final class HookGuardCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Runs the program with {@code args}; returns its exit code. */
  public static int run(String... args) {
    return new CommandLine(new HookGuardCommand()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
