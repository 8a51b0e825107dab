#!/usr/bin/env bash
# Renders an example of every HTML report from the demonstration scenarios into this folder,
# with a PNG screenshot of each taken by headless Chromium (Debian: apt-get install chromium).
# Run from anywhere: reports/examples/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product cpf >/dev/null
cpf=.build/release/cpf
out=reports/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export CPF_USER=demo
$cpf --db "$work/kt.cpf" demo --scenario kon-tum-2013-2020 --output "$work/kt" >/dev/null
$cpf --db "$work/tn.cpf" demo --scenario tay-ninh-2018 --output "$work/tn" >/dev/null
$cpf --db "$work/tth.cpf" demo --scenario thua-thien-hue-2016-2020 --output "$work/tth" >/dev/null

# render NAME HEIGHT LANG LEDGER REPORT-ARGUMENTS…
render() {
    local name=$1 height=$2 lang=$3 ledger=$4
    shift 4
    $cpf --db "$work/$ledger.cpf" report "$@" --format html --lang "$lang" > "$out/$name.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="900,$height" \
        --screenshot="$PWD/$out/$name.png" "file://$PWD/$out/$name.html" >/dev/null 2>&1
    echo "$out/$name.html, $out/$name.png"
}

render trial-balance       1100 en kt  trial-balance --to 2020-12-31
render financial-position   800 en kt  financial-position --at 2020-12-31
render activities          1500 en kt  activities --year 2018
render ledger              1000 vi kt  ledger --account 1122 --from 2018-03-01 --to 2018-04-30
render grants              1500 en kt  grants --to 2020-12-31
render donor-statement     1100 en kt  donor-statement --funder NGO01 --year 2018
render donor-statement-vi  1100 vi tn  donor-statement --funder QBTTEVN --year 2018
render plan-vs-actual       700 vi tth plan-vs-actual --from-year 2016 --to-year 2020
render reach               1000 en kt  reach --year 2018 --by program
render disclosure          1700 vi tn  disclosure --year 2018
render management-cap       700 en kt  management-cap --year 2018
