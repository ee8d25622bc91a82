#!/usr/bin/env python3
"""CPU time per stored receipt, of the JMH fork and of the PostgreSQL server, over a window.

Run beside a ReceiverThroughputBenchmark trial on PostgreSQL (one receiver, one client count):
it waits DELAY seconds (the fork's start and warm-up), then samples, for DURATION seconds, the
user + system CPU time of every process whose command line holds "ForkedMain" (the JMH fork:
clients, HTTP server and receiver) and of every "postgres" process, and the rows inserted into
TABLE (pg_stat_user_tables; hg_records for HookGuard, baseline_deliveries for the baseline).

    python3 toolkit-benchmarks/cpu-per-receipt.py 41 12 hg_records &
    java -jar toolkit-benchmarks/target/benchmarks.jar 'ReceiverThroughputBenchmark.receipt' \
        -t 32 -p backend=postgres -p receiver=hookguard -wi 8 -w 5 -i 4 -r 5

Needs psql reaching the benchmark's database (PSQL_ARGS, default: -h 127.0.0.1 -U postgres -d test).
"""
import os
import subprocess
import sys
import time

HZ = os.sysconf('SC_CLK_TCK')


def cpu_ticks():
    fork = server = 0
    for pid in filter(str.isdigit, os.listdir('/proc')):
        try:
            with open(f'/proc/{pid}/cmdline', 'rb') as f:
                command = f.read().replace(b'\0', b' ')
            with open(f'/proc/{pid}/stat') as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
        if b'ForkedMain' in command:
            fork += ticks
        elif command.startswith(b'postgres'):
            server += ticks
    return fork, server


def rows(table):
    args = os.environ.get('PSQL_ARGS', '-h 127.0.0.1 -U postgres -d test').split()
    out = subprocess.run(
        ['psql', *args, '-Atc',
         f"SELECT COALESCE(SUM(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = '{table}'"],
        capture_output=True, text=True, check=True).stdout
    return int(out.strip() or 0)


def main():
    delay, duration, table = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    time.sleep(delay)
    fork0, server0 = cpu_ticks()
    rows0, start = rows(table), time.time()
    time.sleep(duration)
    fork1, server1 = cpu_ticks()
    rows1, end = rows(table), time.time()
    n = rows1 - rows0
    per = lambda ticks: ticks / HZ * 1000 / n
    print(f"{table}: {n / (end - start):.0f} rows/s, CPU per row: fork {per(fork1 - fork0):.3f} ms,"
          f" server {per(server1 - server0):.3f} ms,"
          f" both {per(fork1 - fork0 + server1 - server0):.3f} ms")


if __name__ == '__main__':
    main()
