#!/usr/bin/env bash
# Measures kg at scale on a generated corpus, each step with its wall
# time and peak memory (internal/corpus/peakmem: peak resident, as GNU
# time's %M, and of it the anonymous memory the process allocated apart
# from the pages of the store's files it mapped): a fresh ingest, a re-ingest of the
# unchanged corpus, central (from the kept view parts, the kept view,
# every quad), one new article and central after it, path, events
# --connected, and Cayley's own bulk load of the same quads into bolt,
# for the ratio.
#
#   internal/corpus/bench-scale.sh 1000 [workdir]
#
# Linux (peakmem reads /proc); cayley from $KG_CAYLEY or .ci/bin/cayley (built by
# .ci/build-cayley) for the bulk-load line.
set -euo pipefail
n=${1:-1000}
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
go build -o "$work/kg" ./cmd/kg
go build -o "$work/peakmem" ./internal/corpus/peakmem
go run ./internal/corpus/gen -n "$n" -o "$work/corpus" -seed 1 >/dev/null
go run ./internal/corpus/gen -n 1 -o "$work/one" -seed 99 >/dev/null
mv "$work/one/000000.txt" "$work/one/new-article.txt"
db="$work/kg.db"
rm -rf "$db"
step() {
  local name=$1; shift
  "$work/peakmem" "$@" >"$work/out.txt" 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
  tail -1 "$work/err.txt" | sed "s/^peak/$name/"
}
echo "kg at $n articles ($work)"
step "ingest from empty" "$work/kg" --db "$db" ingest --progress off "$work/corpus"
grep -o '[0-9]* quads in [0-9.]*s' "$work/out.txt" | sed 's/^/	/'
step "re-ingest, all unchanged" "$work/kg" --db "$db" ingest --progress off "$work/corpus"
step "central (folds the kept view parts)" "$work/kg" --db "$db" central
step "central (kept view)" "$work/kg" --db "$db" central
rm -f "$db/kg-view.gob" "$db/kg-view-parts.db"
step "central (projects every quad, nothing kept)" "$work/kg" --db "$db" central
step "ingest one new article" "$work/kg" --db "$db" ingest --progress off "$work/one"
step "central after it (folds the parts)" "$work/kg" --db "$db" central
step "path" "$work/kg" --db "$db" path "Donald Trump" "Vladimir Putin"
step "events --connected" "$work/kg" --db "$db" events --connected
cayley=${KG_CAYLEY:-$root/.ci/bin/cayley}
if [ -x "$cayley" ]; then
  "$work/kg" --db "$db" export -f nquads >"$work/all.nq"
  quads=$(wc -l <"$work/all.nq")
  rm -rf "$work/cayley.db"
  step "cayley load of the same $quads quads" "$cayley" load --init -d bolt -a "$work/cayley.db" -i "$work/all.nq" --logtostderr false
fi
