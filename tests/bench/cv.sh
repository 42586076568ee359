#!/usr/bin/env bash
# Cross-validation of a training recipe on CoNLL train.txt alone: K folds of
# whole documents (data/tools/conll_folds.py), a model trained on the other
# folds and scored with `erg eval` on each, then the mean overall F1.
#
# usage: tests/bench/cv.sh ERG FOLDS_DIR K [erg train options...]
#   e.g. python3 data/tools/conll_folds.py ../shared/data/ner/conll2003-dev-only/train.txt /tmp/folds 5
#        tests/bench/cv.sh build/erg /tmp/folds 5 --epochs 10 --min-count 2 --seed 1 \
#            --gazetteers data --clusters data/clusters.tsv --title-case 10
# Runs one training at a time (nice); prints each fold's F1 and the mean.
set -euo pipefail
erg=$1
dir=$2
k=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sum=0
for ((i = 0; i < k; i++)); do
    nice "$erg" train "$dir/train$i.txt" -o "$tmp/m" --quiet "$@"
    f=$("$erg" eval --model "$tmp/m" "$dir/held$i.txt" | awk '/^overall/ {print $NF}')
    [ -n "$f" ] || { echo "cv: no overall F1 from erg eval" >&2; exit 1; }
    echo "fold $i: $f"
    sum=$(/usr/bin/python3 -c "print($sum + $f)")
done
/usr/bin/python3 -c "print('mean F1: %.2f' % ($sum / $k))"
