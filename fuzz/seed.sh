#!/bin/sh
# Build the fuzzers' seed corpora.
#  - fuzz/corpus/<target>/seed-*: small seeds written from annals' own
#    examples/articles (generated here, not kept in the repository).
#  - $WORK/<target>/: snippets (first few KB) of the PETRARCH2 dictionaries
#    and records in ../shared/peer/petrarch2 (MIT), kept OUTSIDE the
#    repository, and the working corpus the fuzzers grow.
# Each seed's first byte is the target's selector (see fuzz_targets/*.rs).
set -eu
cd "$(dirname "$0")"
WORK=${WORK:-/work/targets/fuzz-corpus}
SHARED=${SHARED:-../../shared}
EX=../examples/articles
sel() { printf "\\$(printf %03o "$1")"; }
mkdir -p corpus/read_bytes corpus/text corpus/pipeline corpus/dictionaries
for f in "$EX"/*; do
  b=$(basename "$f")
  case "$b" in
    *.expected.jsonl) { sel 4; cat "$f"; } > "corpus/dictionaries/seed-gold-$b"; continue ;;
    *.txt) s=0 ;; *.jsonl) s=1 ;; *.xml) s=2 ;; *.html) s=3 ;; *) continue ;;
  esac
  { sel $s; cat "$f"; } > "corpus/read_bytes/seed-$b"
  { sel 4; cat "$f"; } > "corpus/read_bytes/seed-sniffed-$b"
  { sel 0; cat "$f"; } > "corpus/text/seed-$b"
  case "$b" in *.txt) { sel 0; cat "$f"; } > "corpus/pipeline/seed-$b" ;; esac
done
# Handwritten dictionary seeds (Middle-earth names: no real dictionary copied).
{ sel 0; printf 'ARNOR [ARN]\nGONDOR_ARMY [GONMIL] # army\n+GONDORIAN\nMINAS_TIRITH [GON]\n[GONGOV 19950101-20201231]\n{ ELROND [ARNGOV] }\n'; } > corpus/dictionaries/seed-actors
{ sel 1; printf 'ARMY [~MIL]\nSOLDIER {S} [~MIL]\n!MINIST! [~GOV]\nPRIME_MINISTER [~GOV] # pm\n'; } > corpus/dictionaries/seed-agents
{ sel 2; printf -- '--- ACCUSE [112] ---\nACCUSE\n{CHARGE CHARGED CHARGING}\n- * + (OF &CRIME) [1121]\n- $ ARMY * + [1122]\n- {WITH FRAUD} * + [1123]\n&CRIME\n+CORRUPTION\n+BRIBERY_SCHEME\n'; } > corpus/dictionaries/seed-verbs
{ sel 3; printf '+FOOTBALL_\nWORLD CUP\n# comment\nMOVIE_STAR\n'; } > corpus/dictionaries/seed-discards
# Snippets of PETRARCH2's files, outside the repository.
P=$SHARED/peer/petrarch2
if [ -d "$P" ]; then
  mkdir -p "$WORK/read_bytes" "$WORK/text" "$WORK/pipeline" "$WORK/dictionaries"
  { sel 2; head -c 6000 "$P/unit_tests/PETR.UnitTest.records.xml"; } > "$WORK/read_bytes/petr-records.xml"
  { sel 2; sed -n '200,320p' "$P/unit_tests/PETR.UnitTest.records.xml"; } > "$WORK/read_bytes/petr-records-mid.xml"
  i=0
  for spec in "0 phoenix_dictionaries/Phoenix.Countries.actors.txt" "0 phoenix_dictionaries/Phoenix.International.actors.txt" \
              "0 unit_tests/PETR.Validate.actors.txt" "1 phoenix_dictionaries/Phoenix.agents.txt" \
              "1 unit_tests/PETR.Validate.agents.txt" "2 phoenix_dictionaries/CAMEO.2.0.txt" \
              "2 unit_tests/PETR.Validate.verbs.txt" "3 phoenix_dictionaries/Phoenix.discards.txt"; do
    s=${spec%% *}; f=${spec#* }
    { sel "$s"; head -c 4000 "$P/$f"; } > "$WORK/dictionaries/petr-$i-head"
    { sel "$s"; tail -c +20000 "$P/$f" | head -c 4000; } > "$WORK/dictionaries/petr-$i-mid"
    i=$((i + 1))
  done
fi
if [ -f "$SHARED/gold/plover_gsr_dev.jsonl" ]; then
  { sel 4; head -n 3 "$SHARED/gold/plover_gsr_dev.jsonl"; } > "$WORK/dictionaries/gold-head"
fi
du -sh corpus "$WORK" 2>/dev/null || true
