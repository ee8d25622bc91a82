#!/usr/bin/env bash
# What PostgreSQL's foreign-key checks of hg_fields and hg_subjects cost the server, apart from
# everything HookGuard does in Java: batches of 200 records written as putAll writes them (one
# record row with a 3,000-byte packed value, one subject row, three field rows: an e-mail with a
# look-up token, an IP address and a note, each with an expiry of its own), in a scratch schema
# with the tables of schema version 7, timed with the keys, with the subjects' key only, and with
# neither. Prints the server's microseconds and WAL bytes per record for each.
#
#   toolkit-benchmarks/pg-foreign-keys.sh            # about half a minute
#
# PSQL_ARGS names the server (default: -h 127.0.0.1 -U postgres -d postgres); the user must be able
# to create a schema and the pgcrypto extension. The schema hg_fk_cost is dropped at the end.
set -euo pipefail
read -r -a args <<<"${PSQL_ARGS:--h 127.0.0.1 -U postgres -d postgres}"
psql() { PGOPTIONS="-c client_min_messages=warning" command psql -X -q -v ON_ERROR_STOP=1 "${args[@]}" "$@"; }
batches=${BATCHES:-100}

psql -c 'CREATE EXTENSION IF NOT EXISTS pgcrypto' >/dev/null
setup() {
  psql >/dev/null 2>&1 <<'SQL'
DROP SCHEMA IF EXISTS hg_fk_cost CASCADE;
CREATE SCHEMA hg_fk_cost;
SET search_path = hg_fk_cost;
CREATE TABLE hg_records (payload_type TEXT NOT NULL, record_id TEXT NOT NULL,
  format INTEGER NOT NULL, received_at BIGINT NOT NULL, expires_at BIGINT,
  key_generation INTEGER NOT NULL, mac BYTEA NOT NULL, receipt_tag BYTEA, body_token BYTEA,
  receipt_expires_at BIGINT, packed BYTEA, packed_paths TEXT,
  PRIMARY KEY (payload_type, record_id));
ALTER TABLE hg_records SET (toast_tuple_target = 8160);
CREATE INDEX ON hg_records (key_generation);
CREATE INDEX ON hg_records (expires_at, payload_type);
CREATE UNIQUE INDEX ON hg_records (payload_type, body_token) WHERE body_token IS NOT NULL;
CREATE INDEX ON hg_records (receipt_expires_at) WHERE receipt_expires_at IS NOT NULL;
CREATE TABLE hg_fields (payload_type TEXT NOT NULL, record_id TEXT NOT NULL, path TEXT NOT NULL,
  protection INTEGER NOT NULL, value BYTEA NOT NULL, lookup_token BYTEA, expires_at BIGINT,
  PRIMARY KEY (payload_type, record_id, path),
  CONSTRAINT fields_fk FOREIGN KEY (payload_type, record_id)
    REFERENCES hg_records (payload_type, record_id) ON DELETE CASCADE);
CREATE INDEX ON hg_fields (payload_type, path, lookup_token, record_id)
  WHERE lookup_token IS NOT NULL;
CREATE INDEX ON hg_fields (expires_at, payload_type, path);
CREATE TABLE hg_subjects (subject_token BYTEA NOT NULL, payload_type TEXT NOT NULL,
  record_id TEXT NOT NULL, PRIMARY KEY (subject_token, payload_type, record_id),
  CONSTRAINT subjects_fk FOREIGN KEY (payload_type, record_id)
    REFERENCES hg_records (payload_type, record_id) ON DELETE CASCADE);
CREATE INDEX ON hg_subjects (payload_type, record_id);
SQL
}

# run LABEL FIRST: $batches transactions of 200 records from id FIRST on; prints the cost per record.
run() {
  local label=$1 first=$2 lsn0 lsn1 t0 t1
  lsn0=$(psql -At -c 'SELECT pg_current_wal_insert_lsn()')
  t0=$(date +%s%N)
  for ((b = 0; b < batches; b++)); do
    local s=$((first + b * 200))
    cat <<SQL
BEGIN;
INSERT INTO hg_fk_cost.hg_records SELECT 'shop.Order', 'o' || i, 2, 1700000000000 + i,
  1800000000000 + i, 1, gen_random_bytes(32), NULL, NULL, NULL,
  gen_random_bytes(1024) || gen_random_bytes(1024) || gen_random_bytes(952), 'a' || chr(10) || 'b'
  FROM generate_series($s, $s + 199) i;
INSERT INTO hg_fk_cost.hg_subjects SELECT gen_random_bytes(32), 'shop.Order', 'o' || i
  FROM generate_series($s, $s + 199) i;
INSERT INTO hg_fk_cost.hg_fields SELECT 'shop.Order', 'o' || i, p, 2, gen_random_bytes(80),
  CASE WHEN p = 'email' THEN gen_random_bytes(32) END, 1700000000000 + i + d
  FROM generate_series($s, $s + 199) i,
  (VALUES ('email', 31536000000), ('ip', 2592000000), ('note', 7776000000)) v(p, d);
COMMIT;
SQL
  done | psql
  t1=$(date +%s%N)
  lsn1=$(psql -At -c 'SELECT pg_current_wal_insert_lsn()')
  printf '%-26s %6.1f us/record  %6.0f WAL bytes/record\n' "$label" \
    "$(echo "($t1 - $t0) / 1000 / ($batches * 200)" | bc -l)" \
    "$(psql -At -c "SELECT pg_wal_lsn_diff('$lsn1', '$lsn0') / ($batches * 200)")"
}

drop_keys() { psql -c "ALTER TABLE hg_fk_cost.hg_fields DROP CONSTRAINT IF EXISTS fields_fk;
  ALTER TABLE hg_fk_cost.hg_subjects DROP CONSTRAINT IF EXISTS subjects_fk"; }
add_key() { psql -c "ALTER TABLE hg_fk_cost.$1 ADD CONSTRAINT $2 FOREIGN KEY (payload_type,
  record_id) REFERENCES hg_fk_cost.hg_records (payload_type, record_id) ON DELETE CASCADE"; }

# Both orders, so that a table's growth during the run favours neither.
setup
run 'warm-up (both keys)' 0 >/dev/null
run 'both keys' 100000
drop_keys && add_key hg_subjects subjects_fk
run 'subjects key only' 200000
drop_keys
run 'no key' 300000
setup
drop_keys
run 'warm-up (no key)' 0 >/dev/null
run 'no key' 100000
add_key hg_subjects subjects_fk
run 'subjects key only' 200000
add_key hg_fields fields_fk
run 'both keys' 300000
psql -c 'DROP SCHEMA hg_fk_cost CASCADE' >/dev/null 2>&1
