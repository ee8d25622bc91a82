package dev.hookguard.samples;

import dev.hookguard.samples.cli.HookGuardCommand;

/** The sample program: {@code ./hookguard demo|serve|send|…}; see {@code HookGuardCommand}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(HookGuardCommand.run(args.length == 0 ? new String[] {"demo"} : args));
  }
}
