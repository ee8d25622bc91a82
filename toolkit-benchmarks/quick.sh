#!/usr/bin/env bash
# A short run of every comparison of issue 13, one JMH fork each with short iterations, and one
# line per comparison: its ratio and the interval of that ratio (from JMH's 99.9 % half-widths:
# [(a - ea) / (b + eb), (a + ea) / (b - eb)] for a ratio a / b). For the figures to quote, run
# each benchmark with its own (longer) settings; see docs/BENCHMARKS.md.
#
#   mvn -B -o -q package -DskipTests -pl toolkit-benchmarks -am
#   toolkit-benchmarks/quick.sh            # about 5 minutes on 2 cores
#
# PostgreSQL: HOOKGUARD_BENCH_POSTGRES_URL or HOOKGUARD_TEST_POSTGRES_URL names a server (a JDBC
# URL whose user may create schemas); without either, each fork that needs one starts an embedded
# PostgreSQL (slower to start). QUICK_OUT=<folder> keeps the JSON and logs there.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/benchmarks.jar"
if [[ ! -f $jar ]]; then
  echo "no $jar: mvn -B -o -q package -DskipTests -pl toolkit-benchmarks -am" >&2
  exit 2
fi
command -v python3 >/dev/null || { echo "quick.sh needs python3 to compute the ratios" >&2; exit 2; }
out=${QUICK_OUT:-$(mktemp -d -t hookguard-quick.XXXXXX)}
mkdir -p "$out"
start=$(date +%s)

# run NAME JMH-ARGUMENTS...: one JMH invocation, its JSON in $out/NAME.json, its output in NAME.log.
# On a shared machine another JMH run may hold JMH's lock: wait for it (never run beside it),
# and count the wait apart from the run's own time.
waited=0
run() {
  local name=$1
  shift
  echo "[quick] $name" >&2
  while true; do
    if java -jar "$jar" "$@" -rf json -rff "$out/$name.json" >"$out/$name.log" 2>&1; then
      return
    fi
    if grep -q "Unable to acquire the JMH lock" "$out/$name.log" && (( waited < 1800 )); then
      sleep 5
      waited=$((waited + 5))
      continue
    fi
    echo "[quick] $name failed; see $out/$name.log" >&2
    tail -20 "$out/$name.log" >&2
    exit 1
  done
}

# Short: 1 fork per benchmark, no warm-up iteration, 5 measured iterations of 80 ms (5 rather
# than 3: JMH's 99.9 % t-factor is 8.6 for 5 and 31.6 for 3). The benchmarks measured in average
# time go in one JMH invocation; each still gets its own fork. Most of the time is fork start-up.
micro=(-f 1 -wi 0 -i 5 -r 80ms)
run micro 'SignatureBenchmark' 'VerifyBenchmark.shopify' 'ForgedBodyBenchmark' 'ParseBenchmark' \
  'RedactBenchmark.(reflectiveToLogString|toLogString|toRedactedJson|jacksonMaskingToJson)' \
  'StoreVsPlaintextBenchmark.(put|plainPut|putAll|find|plainFind|reveal|findByEmail|plainFindByEmail)$' \
  'ReceiverCryptoPartsBenchmark' 'RetentionKeyBenchmark' -p size=1024 "${micro[@]}"
for t in 1 2 4; do
  run "inprocess-t$t" 'ReceiverInProcessBenchmark' -t "$t" -f 1 -wi 0 -i 3 -r 300ms
done
run http 'ReceiverThroughputBenchmark' -t 4 -f 1 -wi 0 -i 3 -r 300ms
# 100 records, not the 100,000 of the real run: at this machine's few hundred rows per second
# the full sweep alone takes minutes.
run retention 'RetentionBenchmark' -p records=100 -f 1 -wi 0 -i 1
# 2 generated types, not 200: the ratio is per type (see docs/BENCHMARKS.md), the time is not.
run compile 'CompileBenchmark.(withProcessor|withoutProcessor)' -p types=2 -f 1 -wi 1 -i 2

python3 - "$out" <<'PY'
import glob, json, math, os, sys

results = {}
for path in glob.glob(os.path.join(sys.argv[1], "*.json")):
    run = os.path.basename(path)[:-5]
    try:
        runs = json.load(open(path))
    except ValueError:
        continue  # a run still writing, or one that failed
    for r in runs:
        name = r["benchmark"].rsplit(".", 2)
        key = (run, name[-2] + "." + name[-1], tuple(sorted(r.get("params", {}).items())))
        m = r["primaryMetric"]
        err = m.get("scoreError")
        err = float(err) if err not in (None, "NaN") and not (isinstance(err, float) and math.isnan(err)) else float("nan")
        results[key] = (m["score"], err, m["scoreUnit"], r["mode"])

MICRO = {"signature", "verify", "parse", "redact", "store", "crypto", "daykey"}

def get(run, bench, **params):
    run = "micro" if run in MICRO else run
    want = tuple(sorted((k, str(v)) for k, v in params.items()))
    for (r, b, p), v in results.items():
        if r == run and b == bench and set(want) <= set(p):
            return v
    raise KeyError(f"{run} {bench} {params}")

def cost(v):
    """Time per operation, with its half-width, whatever the mode."""
    score, err, unit, mode = v
    if mode == "thrpt":  # ops/time: invert; the interval inverts with it
        lo, hi = score - err, score + err
        return 1 / score, ((1 / lo - 1 / hi) / 2 if lo > 0 else float("inf"))
    return score, err

def interval(a, ea, b, eb):
    if math.isnan(ea) or math.isnan(eb):
        return "(single shot)"
    lo = (a - ea) / (b + eb) if not math.isinf(eb) and a > ea else 0.0
    hi = (a + ea) / (b - eb) if not math.isinf(ea) and b > eb else float("inf")
    return f"[{lo:.2f}, {hi:.2f}]"

lines = []
def ratio(label, run_a, a, run_b, b, target, pa=None, pb=None):
    """cost(b) / cost(a): how many times cheaper a is than b (above 1: a is faster)."""
    try:
        ca, ea = cost(get(run_a, a, **(pa or {})))
        cb, eb = cost(get(run_b, b, **(pb or {})))
    except KeyError as e:
        lines.append(f"{label:62s} missing {e}")
        return
    lines.append(f"{label:62s} {cb / ca:7.2f}  {interval(cb, eb, ca, ea):18s} {target}")

def slowdown(label, run_a, a, run_b, b, target, pa=None, pb=None):
    """cost(a) / cost(b): how many times dearer a is than b."""
    try:
        ca, ea = cost(get(run_a, a, **(pa or {})))
        cb, eb = cost(get(run_b, b, **(pb or {})))
    except KeyError as e:
        lines.append(f"{label:62s} missing {e}")
        return
    lines.append(f"{label:62s} {ca / cb:7.2f}  {interval(ca, ea, cb, eb):18s} {target}")

S = "SignatureBenchmark."
for scheme in ["standardWebhooksV1", "standardWebhooksV1a", "stripe", "github", "shopify", "slack", "githubForged"]:
    # cost(Mac) / cost(scheme): 1.0 is as fast as the floor.
    ratio(f"signature 1KiB {scheme} speed vs pre-keyed JDK Mac", "signature", S + scheme, "signature", S + "jdkPreKeyedMac", "target >= 0.9")
ratio("signature 1KiB standardWebhooksV1 vs standardwebhooks lib", "signature", S + "standardWebhooksV1", "signature", S + "peerStandardWebhooks", "target >= 2")
ratio("signature 1KiB stripe vs stripe-java", "signature", S + "stripe", "signature", S + "peerStripe", "target >= 2")

V = "VerifyBenchmark."
slowdown("verify shopify whole verifier / JDK HMAC (cost)", "verify", V + "shopifyVerify", "verify", V + "shopifyJdkHmac", "(parse share)")
slowdown("forged shopify total refused / signature only (cost)", "verify", "ForgedBodyBenchmark.changedTotalRefused", "verify", V + "shopifySignatureOnly", "target ~1")
slowdown("forged nested arrays refused / signature only (cost)", "verify", "ForgedBodyBenchmark.nestedArraysRefused", "verify", V + "shopifySignatureOnly", "target ~1")

P = "ParseBenchmark."
ratio("parse shopify generated vs Jackson databind", "parse", P + "shopifyGenerated", "parse", P + "shopifyJackson", "target >= 1.5")
ratio("parse github generated vs Jackson databind", "parse", P + "githubGenerated", "parse", P + "githubJackson", "target >= 1.5")
ratio("parse stripe generated vs Jackson databind", "parse", P + "stripeGenerated", "parse", P + "stripeJackson", "target >= 1.5")

R = "RedactBenchmark."
ratio("redact toLogString vs reflective redactor", "redact", R + "toLogString", "redact", R + "reflectiveToLogString", "target >= 20")
ratio("redact toRedactedJson vs Jackson masking module", "redact", R + "toRedactedJson", "redact", R + "jacksonMaskingToJson", "target >= 3")

T = "StoreVsPlaintextBenchmark."
for be in ["sqlite", "postgres"]:
    p = {"backend": be}
    slowdown(f"store {be} put / plaintext put (cost)", "store", T + "put", "store", T + "plainPut", "target <= 1.5", p, p)
    ratio(f"store {be} putAll per record vs put", "store", T + "putAll", "store", T + "put", "target >= 5", p, p)
    slowdown(f"store {be} find / plaintext find (cost)", "store", T + "find", "store", T + "plainFind", "", p, p)
    slowdown(f"store {be} reveal / plaintext find (cost)", "store", T + "reveal", "store", T + "plainFind", "", p, p)
    slowdown(f"store {be} findByEmail / plaintext by email (cost)", "store", T + "findByEmail", "store", T + "plainFindByEmail", "", p, p)

for be in ["sqlite", "postgres"]:
    for t in [1, 2, 4]:
        ratio(f"receiver in process {be} {t} thr vs crypto parts 1 thr", f"inprocess-t{t}", "ReceiverInProcessBenchmark.receive",
              "crypto", "ReceiverCryptoPartsBenchmark.hmacAndSeals", "(share of the crypto floor)", {"backend": be})
for be in ["sqlite", "postgres"]:
    ratio(f"receiver HTTP {be} 4 clients hookguard vs baseline", "http", "ReceiverThroughputBenchmark.receipt",
          "http", "ReceiverThroughputBenchmark.receipt", "target >= 0.7", {"backend": be, "receiver": "hookguard"},
          {"backend": be, "receiver": "baseline"})

for be in ["sqlite", "postgres"]:
    try:
        score, err, unit, mode = get("retention", "RetentionBenchmark.sweep", backend=be)
        n = int([dict(p)["records"] for (r, b, p) in results
                 if r == "retention" and dict(p).get("backend") == be][0])
        per_s = n / (score / 1000.0)
        lines.append(f"{'retention ' + be + ' sweep, rows/s (' + str(n) + ' records)':62s} {per_s:7.0f}  {'(single shot)':18s}")
    except (KeyError, IndexError) as e:
        lines.append(f"retention {be} missing {e}")
    try:
        score, err, unit, mode = get("daykey", "RetentionKeyBenchmark.destroyDayKey", backend=be)
        lines.append(f"{'retention ' + be + ' destroy one day key, ms':62s} {score / 1000:7.2f}  [{max(score - err, 0) / 1000:.2f}, {(score + err) / 1000:.2f}]")
    except KeyError as e:
        lines.append(f"day key {be} missing {e}")

slowdown("compile 2 types with processor / without (cost)", "compile", "CompileBenchmark.withProcessor", "compile", "CompileBenchmark.withoutProcessor", "target <= 1.25")

print()
print(f"{'comparison':62s} {'ratio':>7s}  {'99.9% interval':18s} target")
for l in lines:
    print(l)
PY
echo "[quick] wall time $(( $(date +%s) - start )) s, of which $waited s waiting for another JMH run; JSON and logs in $out" >&2
