package dev.hookguard.samples.cli;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hookguard send}: signs sample events as the providers do and posts them. */
@Command(name = "send", mixinStandardHelpOptions = true,
    description = "Sign sample events as Stripe, GitHub and Shopify do and post them to a receiver.")
final class SendCommand implements Callable<Integer> {

  @Mixin
  CommonOptions common;

  @Option(names = "--url", defaultValue = "https://localhost:8443",
      description = "The receiver (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--provider", split = ",", defaultValue = "stripe,github,shopify",
      converter = ProviderConverter.class, description = "Which providers' events to send.")
  List<Provider> providers;

  @Option(names = "--forge", description = "Change the body after signing.")
  boolean forge;

  @Option(names = "--replay", description = "Send each event twice.")
  boolean replay;

  @Option(names = "--oversize", description = "Pad the body beyond the receiver's limit.")
  boolean oversize;

  @Option(names = "--delay", description = "Sign with a timestamp 10 minutes old.")
  boolean delay;

  @Override
  public Integer call() throws Exception {
    Workspace workspace = common.workspace();
    Scenario scenario = forge ? Scenario.FORGED : replay ? Scenario.REPLAYED
        : oversize ? Scenario.OVERSIZED : delay ? Scenario.STALE : Scenario.VALID;
    Sender sender = new Sender(url,
        url.getScheme().equals("https") ? workspace.clientTls() : null, workspace.secrets());
    int failures = 0;
    for (Provider provider : providers) {
      Sender.Result result = sender.send(provider, scenario, 32 * 1024);
      System.out.printf("%-8s %-40s %d %s%n", provider.label(), scenario.description(),
          result.status(), result.answer());
      failures += result.status() / 100 == 2 ? 0 : 1;
    }
    return scenario == Scenario.VALID && failures > 0 ? 1 : 0;
  }

  /** Provider names in lower case, as the command line spells them. */
  static final class ProviderConverter implements picocli.CommandLine.ITypeConverter<Provider> {
    @Override
    public Provider convert(String value) {
      return Provider.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
  }
}
