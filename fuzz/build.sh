#!/usr/bin/env bash
# fuzz/build.sh: builds fuzz/work/bin/xlsx-fuzz-O (or -Onone, see FUZZ_OPT), the libFuzzer binary for the XLSX module,
# with address sanitizer. The fuzz/*.swift entry files are compiled together with every
# source of Sources/XLSX as one module named XLSX (a SwiftPM executable target cannot be
# linked as a fuzzer because SwiftPM renames `main`). Rebuilds only when a source changed.
set -euo pipefail
cd "$(dirname "$0")/.."
# FUZZ_OPT=-Onone compiles in a third of the time (CI); the default -O fuzzes faster.
opt=${FUZZ_OPT:--O}
out=fuzz/work/bin/xlsx-fuzz$opt
mkdir -p fuzz/work/bin
mapfile -t sources < <(find Sources/XLSX fuzz -maxdepth 3 -name '*.swift' -not -path 'fuzz/work/*' | sort)
if [[ -x $out ]]; then
  newer=$(find Sources/XLSX fuzz Sources/CZlib Sources/CLibXML2 -newer "$out" \( -name '*.swift' -o -name '*.h' \) -not -path 'fuzz/work/*' | head -1)
  [[ -z $newer ]] && exit 0
fi
echo "fuzz/build.sh: compiling ${#sources[@]} files" >&2
# ld.gold warns about every ASan helper symbol it cannot export; those lines are noise.
swiftc -sanitize=fuzzer,address -parse-as-library "$opt" -g -module-name XLSX \
  -I Sources/CZlib -I Sources/CLibXML2 -I /usr/include/libxml2 -lxml2 -lz \
  "${sources[@]}" -o "$out.tmp" 2> >(grep -v "Cannot export local symbol" >&2)
mv "$out.tmp" "$out"
