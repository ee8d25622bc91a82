#!/usr/bin/env python3
"""WAL pages a SQLite put writes, per schema: what HookGuard's schema costs a commit, and what
changes to it would save, apart from everything HookGuard does in Java.

Each put is one transaction in WAL mode (synchronous=FULL), shaped as storing the bundled Shopify
order writes it: a record row with its 3,022-byte packed value, one subject row, and three field
rows with expiries of their own (an e-mail with a look-up token, an IP address, a note). After
2,000 puts (a store with some history) the WAL is checkpointed and emptied, then 300 more puts
are made and the frames they appended are counted: every frame is one 4 KiB page written to the
WAL, and again to the database at the next checkpoint. The plaintext line is the benchmark's
baseline table (StoreVsPlaintextBenchmark.plainPut) with the order's JSON.

    python3 toolkit-benchmarks/sqlite-wal-pages.py      # about ten seconds

Uses Python's own sqlite3 module (its SQLite version is printed); run L counted 19.3 frames per
put for HookGuard itself through the real store (docs/BENCHMARKS.md).
"""
import os
import random
import sqlite3
import tempfile

DAY = 86_400_000
HISTORY = 2_000
MEASURED = 300


def hookguard_schema(c, without_rowid=False, foreign_keys=True, key_generation_index=True):
    rowid = " WITHOUT ROWID" if without_rowid else ""
    fk = (", FOREIGN KEY (payload_type, record_id) REFERENCES hg_records (payload_type, record_id)"
          " ON DELETE CASCADE") if foreign_keys else ""
    c.executescript(f"""
CREATE TABLE hg_records (payload_type TEXT NOT NULL, record_id TEXT NOT NULL,
  format INTEGER NOT NULL, received_at INTEGER NOT NULL, expires_at INTEGER,
  key_generation INTEGER NOT NULL, mac BLOB NOT NULL, receipt_tag BLOB, body_token BLOB,
  receipt_expires_at INTEGER, packed BLOB, packed_paths TEXT, PRIMARY KEY (payload_type, record_id));
CREATE INDEX hg_records_expiry ON hg_records (expires_at, payload_type);
CREATE UNIQUE INDEX hg_records_body_token ON hg_records (payload_type, body_token)
  WHERE body_token IS NOT NULL;
CREATE INDEX hg_records_receipt_expires_at ON hg_records (receipt_expires_at)
  WHERE receipt_expires_at IS NOT NULL;
CREATE TABLE hg_fields (payload_type TEXT NOT NULL, record_id TEXT NOT NULL, path TEXT NOT NULL,
  protection INTEGER NOT NULL, value BLOB NOT NULL, lookup_token BLOB, expires_at INTEGER,
  PRIMARY KEY (payload_type, record_id, path){fk}){rowid};
CREATE INDEX hg_fields_lookup ON hg_fields (payload_type, path, lookup_token, record_id)
  WHERE lookup_token IS NOT NULL;
CREATE INDEX hg_fields_expiry ON hg_fields (expires_at, payload_type, path);
CREATE TABLE hg_subjects (subject_token BLOB NOT NULL, payload_type TEXT NOT NULL,
  record_id TEXT NOT NULL, PRIMARY KEY (subject_token, payload_type, record_id){fk}){rowid};
CREATE INDEX hg_subjects_record ON hg_subjects (payload_type, record_id);
""")
    if key_generation_index:
        c.execute("CREATE INDEX hg_records_key_generation ON hg_records (key_generation)")


def hookguard_put(packed_expiries=False):
    """A put; packed_expiries: the IP address and note kept in the record's row, the record's
    expiry index keyed on its earliest expiry (a 'next expiry' for the sweep)."""
    def put(c, i, rnd, subjects):
        now = 1_764_500_000_000 + i * 1_000
        rid = f"order-{i}"
        extra = 200 if packed_expiries else 0
        c.execute("BEGIN IMMEDIATE")
        c.execute(
            "INSERT INTO hg_records (payload_type, record_id, format, received_at, expires_at,"
            " key_generation, mac, packed, packed_paths) VALUES (?, ?, 2, ?, ?, 1, ?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            ("shop.Order", rid, now, now + (30 if packed_expiries else 730) * DAY,
             rnd.randbytes(32), rnd.randbytes(3_022 + extra), "line_items\nnote_attributes" * 12))
        c.execute("INSERT INTO hg_subjects VALUES (?, ?, ?)",
                  (rnd.choice(subjects), "shop.Order", rid))
        rows = [("shop.Order", rid, "email", 3, rnd.randbytes(110), rnd.randbytes(32),
                 now + 365 * DAY)]
        if not packed_expiries:
            rows += [("shop.Order", rid, "browser_ip", 5, rnd.randbytes(70), None, now + 30 * DAY),
                     ("shop.Order", rid, "note", 5, rnd.randbytes(130), None, now + 90 * DAY)]
        c.executemany("INSERT INTO hg_fields VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        c.execute("COMMIT")
    return put


def plaintext_schema(c):
    c.execute("CREATE TABLE bench_plain_orders (id VARCHAR(200) PRIMARY KEY, email TEXT NOT NULL,"
              " body TEXT NOT NULL)")
    c.execute("CREATE INDEX bench_plain_orders_email ON bench_plain_orders (email)")


def plaintext_put(c, i, rnd, subjects):
    c.execute("BEGIN IMMEDIATE")
    c.execute("INSERT INTO bench_plain_orders VALUES (?, ?, ?)",
              (f"order-{i}", f"customer{i % 50}@example.com", "x" * 2_675))
    c.execute("COMMIT")


def frames_per_put(schema, put):
    folder = tempfile.mkdtemp(prefix="hookguard-wal-pages")
    path = os.path.join(folder, "pages.db")
    c = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                   "wal_autocheckpoint=0"):
        c.execute("PRAGMA " + pragma)
    schema(c)
    rnd = random.Random(13)
    subjects = [rnd.randbytes(32) for _ in range(50)]
    for i in range(HISTORY):
        put(c, i, rnd, subjects)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for i in range(HISTORY, HISTORY + MEASURED):
        put(c, i, rnd, subjects)
    frames = (os.path.getsize(path + "-wal") - 32) / (4096 + 24)
    c.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    os.rmdir(folder)
    return frames / MEASURED


def main():
    print(f"SQLite {sqlite3.sqlite_version}, {MEASURED} puts after {HISTORY}")
    cases = [
        ("HookGuard's schema on SQLite", lambda c: hookguard_schema(c), hookguard_put()),
        ("  without the key-generation index",
         lambda c: hookguard_schema(c, key_generation_index=False), hookguard_put()),
        ("  fields and subjects WITHOUT ROWID, no foreign keys",
         lambda c: hookguard_schema(c, without_rowid=True, foreign_keys=False), hookguard_put()),
        ("  both of those",
         lambda c: hookguard_schema(c, without_rowid=True, foreign_keys=False,
                                    key_generation_index=False), hookguard_put()),
        ("  own-expiry fields in the record's row (next expiry)",
         lambda c: hookguard_schema(c), hookguard_put(packed_expiries=True)),
        ("  that, and without the key-generation index",
         lambda c: hookguard_schema(c, key_generation_index=False),
         hookguard_put(packed_expiries=True)),
        ("plaintext table (row, primary key, e-mail index)", plaintext_schema, plaintext_put),
    ]
    for label, schema, put in cases:
        print(f"{label:<56} {frames_per_put(schema, put):6.2f} WAL pages per put")


if __name__ == "__main__":
    main()
