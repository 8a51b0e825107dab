#!/usr/bin/env bash
# Renders an example of every HTML report from the demonstration scenarios into this folder,
# with a PNG screenshot of each taken by headless Chromium (Debian: apt-get install chromium).
# Run from anywhere: reports/examples/render.sh
# CPF_BUILD_PATH chooses SwiftPM's scratch path (default .build), e.g. to keep builds apart:
#   CPF_BUILD_PATH=/tmp/build-reports reports/examples/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${CPF_BUILD_PATH:-.build}
swift build -c release --product cpf --scratch-path "$build" >/dev/null
cpf=$build/release/cpf
out=reports/examples
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export CPF_USER=demo
$cpf --db "$work/kt.cpf" demo --scenario kon-tum-2013-2020 --output "$work/kt" >/dev/null
$cpf --db "$work/tn.cpf" demo --scenario tay-ninh-2018 --output "$work/tn" >/dev/null
$cpf --db "$work/tth.cpf" demo --scenario thua-thien-hue-2016-2020 --output "$work/tth" >/dev/null

# render NAME WIDTH HEIGHT LANG LEDGER REPORT-ARGUMENTS…
# The window is the size of the PNG: 900 px wide holds an A4 portrait page (182 mm of text,
# 688 px), 1150 px a landscape one (269 mm, 1017 px); each height fits its report's content.
render() {
    local name=$1 width=$2 height=$3 lang=$4 ledger=$5
    shift 5
    $cpf --db "$work/$ledger.cpf" report "$@" --format html --lang "$lang" > "$out/$name.html"
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$width,$height" \
        --screenshot="$PWD/$out/$name.png" "file://$PWD/$out/$name.html" >/dev/null 2>&1
    echo "$out/$name.html, $out/$name.png"
}

render trial-balance        900  880 en kt  trial-balance --to 2020-12-31
render financial-position   900  600 en kt  financial-position --at 2020-12-31
render activities           900 1720 en kt  activities --year 2018
render ledger              1150 1090 vi kt  ledger --account 1122 --from 2018-03-10 --to 2018-03-16
render grants              1150 3500 en kt  grants --to 2020-12-31
render grants-vi           1150 3500 vi kt  grants --to 2020-12-31
render donor-statement      900  920 en kt  donor-statement --funder NGO01 --year 2018
render donor-statement-vi   900  790 vi tn  donor-statement --funder QBTTEVN --year 2018
render donor-statement-aia-vi 900 760 vi tn donor-statement --funder AIA --year 2018
render cash-flow-vi         900  900 vi tn  cash-flow --year 2018
render plan-vs-actual       900  430 vi tth plan-vs-actual --from-year 2016 --to-year 2020
render reach                900  800 en kt  reach --year 2018 --by program
render disclosure           900 1080 vi tn  disclosure --year 2018
render management-cap       900  480 en kt  management-cap --year 2018
