#!/usr/bin/env bash
# scripts/sanitize.sh [asan|tsan|all]: the test suite under the sanitizers (issue 7).
#
#   asan  `swift test --sanitize=address` over the whole suite (scratch path .build-asan)
#   tsan  `swift test --sanitize=thread` over the tests of code that runs on several threads:
#         the Batch tests (JobRunner with several workers), the end-to-end `run`/`validate`
#         tests, the reader's second inflate thread (ReadAheadTests) and the writer's
#         deflate thread (WriterBehaviourTests)
#         (scratch path .build-tsan)
#
# Separate scratch paths keep the sanitized builds from invalidating the normal .build.
# Each sanitized build compiles the whole package (about 5-10 minutes on 2 shared cores),
# so this is a documented script, not a CI step. Logs: .build-asan/test.log, .build-tsan/test.log.
# Results of the last run are recorded in docs/SECURITY.md.
set -uo pipefail
cd "$(dirname "$0")/.."
mode=${1:-all}
# AddressSanitizer reserves terabytes of address space: the hostile suite's `ulimit -v`
# ceiling cannot apply to sanitized binaries (its timeouts still do).
export TONGHOP_NO_MEMORY_CEILING=1
export SWIFT_BACKTRACE=enable=no
status=0

if [[ $mode == asan || $mode == all ]]; then
  mkdir -p .build-asan
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=1}
  echo "== swift test --sanitize=address (log: .build-asan/test.log)"
  swift test --sanitize=address --scratch-path .build-asan >.build-asan/test.log 2>&1
  rc=$?
  grep -E "^(✘|✔ Test run|.*ERROR: AddressSanitizer|SUMMARY)" .build-asan/test.log | cut -c1-300 | tail -40
  grep -q "ERROR: AddressSanitizer" .build-asan/test.log && rc=1
  echo "asan: exit $rc"
  [[ $rc == 0 ]] || status=1
  unset ASAN_OPTIONS
fi

if [[ $mode == tsan || $mode == all ]]; then
  mkdir -p .build-tsan
  echo "== swift test --sanitize=thread --filter 'BatchTests|RunCommand|Validate|Batch|ReadAhead|WriterBehaviour' (log: .build-tsan/test.log)"
  swift test --sanitize=thread --scratch-path .build-tsan --filter 'BatchTests|RunCommand|Validate|Batch|ReadAheadTests|WriterBehaviourTests' \
    >.build-tsan/test.log 2>&1
  rc=$?
  grep -E "^(✘|✔ Test run|WARNING: ThreadSanitizer|SUMMARY)" .build-tsan/test.log | cut -c1-300 | tail -40
  grep -q "WARNING: ThreadSanitizer" .build-tsan/test.log && rc=1
  echo "tsan: exit $rc"
  [[ $rc == 0 ]] || status=1
fi
exit $status
