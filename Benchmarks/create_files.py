#!/usr/bin/env python3
"""How much creating many small files costs here, from one thread or several: what the
job's output writer does (write a temporary file, rename it over the target). Not a test.

    python3 Benchmarks/create_files.py DIR [THREADS] [FILES]     # defaults: 1 thread, 4000 files

Prints wall, system and user time. Run it with 1 and with 2 threads, in a new folder each
time (see docs/PERFORMANCE.md on ext4 without a journal and recent deletions)."""
import os
import sys
import threading
import time

folder = sys.argv[1]
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
files = int(sys.argv[3]) if len(sys.argv) > 3 else 4000
os.makedirs(folder, exist_ok=True)
payload = b"x" * 2000


def work(k):
    for i in range(k, files, threads):
        target, temp = f"{folder}/f{i:05d}.html", f"{folder}/.f{i:05d}.tmp"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, payload)
        os.close(fd)
        os.rename(temp, target)


start, before = time.time(), os.times()
workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
for w in workers:
    w.start()
for w in workers:
    w.join()
after = os.times()
print(f"{files} files, {threads} thread(s): wall {time.time() - start:.2f} s, "
      f"sys {after.system - before.system:.2f} s, user {after.user - before.user:.2f} s")
