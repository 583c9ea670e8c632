#!/usr/bin/env python3
"""Benchmarks/serve_load.py: load on `tonghop serve` (issue 17). Not a timed test.

Starts a release-built `tonghop serve` on 127.0.0.1 (a free port) with a temporary copy of
the sample job (Jobs/ and Samples/ copied, an empty inbox), makes the links, then runs
CLIENTS concurrent clients (default 50), each a closed loop for SECONDS (default 60):
upload one of the ten 2016 samples by its unit's link (`multipart/form-data`, as a browser
sends it), wait for the report, upload again. Every request goes to 127.0.0.1 only, and the
loop stops by itself.

Reports: requests, throughput (requests/s), latency p50/p90/p99/max (from the request's
first byte sent to the last byte of the report read), the status codes, and the server's
peak resident memory (VmHWM from /proc). A placed upload stays in the inbox, so the
benchmark moves the placed files out of the inbox once a second (a unit has at most 99
names per period, which a real district never uses up, and 50 clients would in a few
seconds); it renames them into an archive folder rather than deleting them, as a real
inbox never deletes (see the sweeper).

  python3 Benchmarks/serve_load.py [--tonghop .build/release/tonghop] [--clients 50]
                                   [--seconds 60] [--json results.json]
"""
import argparse
import csv
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOUNDARY = "----TongHopLoad7MA4YWxkTrZu0gW"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def body(path):
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode() \
        + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def cpu_seconds(pid):
    """User + system CPU time a process has used, from /proc/<pid>/stat."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return None


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * (len(sorted_values) - 1)))))
    return sorted_values[k]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tonghop", default=os.path.join(ROOT, ".build", "release", "tonghop"))
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--json")
    args = ap.parse_args()
    if not (1 <= args.clients <= 200 and 1 <= args.seconds <= 600):
        raise SystemExit("--clients 1..200 and --seconds 1..600")

    tmp = tempfile.mkdtemp(prefix="tonghop-serve-load-")
    server = None
    try:
        shutil.copytree(os.path.join(ROOT, "Jobs"), os.path.join(tmp, "Jobs"))
        shutil.copytree(os.path.join(ROOT, "Samples"), os.path.join(tmp, "Samples"))
        inbox = os.path.join(tmp, "inbox")
        os.makedirs(inbox)
        job = os.path.join(tmp, "Jobs", "nq04-2016.yaml")
        with open(job, encoding="utf-8") as f:
            text = f.read().replace("inbox: ../Samples/2016", "inbox: ../inbox")
        with open(job, "w", encoding="utf-8") as f:
            f.write(text)
        port = free_port()
        links_csv = os.path.join(tmp, "links.csv")
        subprocess.run([args.tonghop, "links", job, "--base-url", f"http://127.0.0.1:{port}", "-o", links_csv],
                       check=True, stderr=subprocess.DEVNULL)
        with open(links_csv, encoding="utf-8") as f:
            links = {r["unit"]: urllib.parse.urlparse(r["url"]).path for r in csv.DictReader(f)}
        samples = []
        for unit in sorted(u for u in links if u != "province"):
            path = os.path.join(tmp, "Samples", "2016", f"NQ04_{unit}_2016.xlsx")
            samples.append((links[unit] + "/upload", body(path), os.path.getsize(path)))
        log = open(os.path.join(tmp, "serve.log"), "w")
        server = subprocess.Popen([args.tonghop, "serve", job, "--listen", f"127.0.0.1:{port}"], stdout=log, stderr=log)
        for _ in range(300):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("the server did not start")

        stop = threading.Event()
        lock = threading.Lock()
        latencies = []
        statuses = {}
        errors = []

        def client(i):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            n = i
            while not stop.is_set():
                path, payload, _ = samples[n % len(samples)]
                n += 1
                t0 = time.perf_counter()
                try:
                    conn.request("POST", path, body=payload,
                                 headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
                    r = conn.getresponse()
                    r.read()
                    dt = time.perf_counter() - t0
                    with lock:
                        latencies.append(dt)
                        statuses[r.status] = statuses.get(r.status, 0) + 1
                    if r.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                except Exception as e:  # a failed request is counted and the client reconnects
                    with lock:
                        errors.append(repr(e))
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.close()

        # Placed files are moved out of the inbox (renamed into an archive folder on the same
        # file system), not deleted: a real inbox never deletes, and on this machine's
        # journal-less ext4 every inode freed in the last minutes makes the next file
        # creation search past it (`recently_deleted()` in fs/ext4/ialloc.c), a cost of the
        # benchmark's own churn, not of the server (docs/PERFORMANCE.md).
        archive = os.path.join(os.path.dirname(inbox), "archive")
        os.makedirs(archive, exist_ok=True)
        moved = [0]

        def sweeper():
            while not stop.is_set():
                for name in os.listdir(inbox):
                    if not name.startswith("."):
                        try:
                            os.rename(os.path.join(inbox, name), os.path.join(archive, f"{moved[0]:07d}-{name}"))
                            moved[0] += 1
                        except OSError:
                            pass
                stop.wait(1.0)

        threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
        sweep = threading.Thread(target=sweeper, daemon=True)
        cpu_before = cpu_seconds(server.pid)
        own_before = os.times()
        start = time.perf_counter()
        sweep.start()
        for t in threads:
            t.start()
        time.sleep(args.seconds)
        stop.set()
        for t in threads:
            t.join(timeout=60)
        elapsed = time.perf_counter() - start
        rss = peak_rss_kib(server.pid)
        cpu = cpu_seconds(server.pid)
        own = os.times()
        lat = sorted(latencies)
        result = {
            "clients": args.clients,
            "seconds": round(elapsed, 1),
            "requests": len(lat),
            "throughput_per_s": round(len(lat) / elapsed, 1),
            "latency_ms": {p: round(percentile(lat, q) * 1000, 1) for p, q in
                           [("p50", 50), ("p90", 90), ("p99", 99), ("max", 100)]},
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "errors": len(errors),
            "server_peak_rss_mib": round(rss / 1024, 1) if rss else None,
            "server_cpu_ms_per_request": round((cpu - cpu_before) * 1000 / max(1, len(lat)), 2) if cpu else None,
            "client_cpu_s": round((own.user - own_before.user) + (own.system - own_before.system), 1),
            "file_sizes_kib": [round(s / 1024, 1) for _, _, s in samples],
            "cores": os.cpu_count(),
            "load_average_before_end": os.getloadavg(),
        }
        print(json.dumps(result, indent=2))
        if errors:
            print("first errors:", errors[:3], file=sys.stderr)
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2)
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
