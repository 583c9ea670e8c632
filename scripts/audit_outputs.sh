#!/usr/bin/env bash
# scripts/audit_outputs.sh: every kind of file our XLSX writer makes, checked with
# openxml-audit (a Python port of the Open XML SDK validator Excel's developers use).
# LibreOffice and openpyxl forgive a misplaced element or a missing part; Excel repairs
# or refuses the file. Any violation fails (exit 1).
#
# Files checked: the provincial workbook of the 2016 sample job (with its charts), the
# blank form (`tonghop blank`, province-wide and for one unit), `tonghop convert` output
# (CSV → XLSX), and the annotated files the job returns (`returned/**.xlsx`) for the broken
# samples in Samples/invalid.
#
#   AUDIT_VENV   venv to install openxml-audit into (default .build/audit-venv)
#   TONGHOP      the binary (default: `swift build`, then .build/debug/tonghop)
#   AUDIT_KEEP   a folder to keep the files in (default: a temporary folder, removed)
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${AUDIT_VENV:-.build/audit-venv}
if [[ ! -x $venv/bin/openxml-audit ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q openxml-audit==0.8.0
fi
if [[ -z ${TONGHOP:-} ]]; then
  swift build --product tonghop >/dev/null
  TONGHOP=$(swift build --show-bin-path)/tonghop
fi
work=${AUDIT_KEEP:-$(mktemp -d)}
mkdir -p "$work"
[[ -n ${AUDIT_KEEP:-} ]] || trap 'rm -rf "$work"' EXIT

# The sample job into the work folder (its own ledger: never the repository's out/).
repo=$(pwd)
sed -e "s#^template: .*#template: $repo/Jobs/nq04/template.yaml#" \
    -e "s#^inbox: .*#inbox: $repo/Samples/2016#" \
    -e "s#^output: .*#output: $work/job#" \
    -e "s#^rejected: .*#rejected: $work/job/rejected#" \
    -e "s#^ledger: .*#ledger: $work/job/ledger.sqlite#" Jobs/nq04-2016.yaml >"$work/job.yaml"
"$TONGHOP" run "$work/job.yaml" >/dev/null 2>"$work/run.log" || {
  rc=$?
  [[ $rc == 1 ]] || { cat "$work/run.log"; echo "audit: the sample job failed (exit $rc)"; exit 1; }
}
# The broken samples: every unit with errors or warnings gets an annotated file in returned/.
sed -e "s#^inbox: .*#inbox: $repo/Samples/invalid#" -e "s#$work/job#$work/invalid#g" "$work/job.yaml" >"$work/invalid.yaml"
"$TONGHOP" run "$work/invalid.yaml" >/dev/null 2>>"$work/run.log" || {
  rc=$?
  [[ $rc == 1 ]] || { cat "$work/run.log"; echo "audit: the job over Samples/invalid failed (exit $rc)"; exit 1; }
}
"$TONGHOP" blank --job Jobs/nq04-2016.yaml -o "$work/blank.xlsx"
"$TONGHOP" blank --job Jobs/nq04-2016.yaml --unit MNH -o "$work/blank_MNH.xlsx"
printf 'ma,ten,so,ngay\nDBP,Điện Biên Phủ,1873,2016-11-17\nMLA,"Mường Lay, thị xã",40,\n' >"$work/in.csv"
"$TONGHOP" convert "$work/in.csv" "$work/convert.xlsx"

status=0
files=("$work"/job/*.xlsx "$work/blank.xlsx" "$work/blank_MNH.xlsx" "$work/convert.xlsx")
for d in "$work/job/returned" "$work/invalid/returned"; do
  [[ -d $d ]] || continue
  while IFS= read -r f; do files+=("$f"); done < <(find "$d" -name '*.xlsx' | sort)
done
[[ -d $work/invalid/returned ]] || { echo "audit: the job over Samples/invalid returned no annotated file"; status=1; }
for f in "${files[@]}"; do
  [[ -f $f ]] || { echo "audit: missing output $f"; status=1; continue; }
  if out=$("$venv/bin/openxml-audit" --format microsoft365 --max-errors 0 "$f" 2>&1); then
    echo "ok   ${f#"$work"/}"
  else
    echo "FAIL ${f#"$work"/}"
    echo "$out" | sed 's/^/     /'
    status=1
  fi
done
exit $status
