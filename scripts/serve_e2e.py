#!/usr/bin/env python3
"""scripts/serve_e2e.py: `tonghop serve` in a real browser (issue 17).

Starts `.build/debug/tonghop serve` on 127.0.0.1 (a free port) with a temporary copy of
the sample job (Jobs/ and Samples/ copied into a temporary folder, an empty inbox), makes
the links with `tonghop links`, then drives Debian's headless Chromium through
chromium-driver with Selenium, as a district clerk would:

  1. opens DBP's link, chooses Samples/2016/NQ04_DBP_2016.xlsx, presses Send: the page
     says the file is kept, shows the nightly job's report of it, and the inbox holds the
     file and its receipt;
  2. opens DBD's link, sends Samples/invalid/NQ04_DBD_2016.xlsx: the page says it was NOT
     kept and lists the issues Samples/invalid/expected.json says that file has; nothing
     lands in the inbox;
  3. the unit page lists the earlier upload and its fate; the English switch works; a file
     past the job's size limit gets the "too large" page (413), and nothing is kept;
  4. a changed token reaches nothing (404);
  5. the province's link shows the upload waiting; after `tonghop run`, the period's
     timeliness, and its links open the run report and download the provincial workbook.

Ends with a line `N passed, M failed`; exit 1 when any failed.

  --tonghop PATH      the binary (default .build/debug/tonghop)
  --screenshots DIR   keep PNG screenshots of the pages (desktop and phone size) there
  --keep              keep the temporary folder (printed)
"""
import argparse
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    if ok:
        RESULTS["passed"] += 1
        print(f"ok: {name}")
    else:
        RESULTS["failed"] += 1
        print(f"FAIL: {name} {detail}")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def workspace(tmp):
    """The sample job in `tmp`: Jobs/ and Samples/ copied, its inbox an empty folder."""
    shutil.copytree(os.path.join(ROOT, "Jobs"), os.path.join(tmp, "Jobs"))
    shutil.copytree(os.path.join(ROOT, "Samples"), os.path.join(tmp, "Samples"))
    os.makedirs(os.path.join(tmp, "inbox"))
    job = os.path.join(tmp, "Jobs", "nq04-2016.yaml")
    with open(job, encoding="utf-8") as f:
        text = f.read()
    text = text.replace("inbox: ../Samples/2016", "inbox: ../inbox")
    with open(job, "w", encoding="utf-8") as f:
        f.write(text)
    return job


def wait_up(url, proc, seconds=60):
    end = time.time() + seconds
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"tonghop serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"tonghop serve did not answer {url} in {seconds} s")


def browser():
    opts = Options()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
              "--lang=vi"]:
        opts.add_argument(a)
    driver = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(executable_path=driver), options=opts)


def screenshot(d, folder, name, phone=False):
    """The whole page as PNG, at desktop width or as a phone (390 px wide, mobile viewport)."""
    if not folder:
        return
    if phone:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    else:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
    height = d.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
    width = 390 if phone else 1280
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": min(int(height), 6000), "deviceScaleFactor": 2 if phone else 1,
                       "mobile": phone})
    d.save_screenshot(os.path.join(folder, name + (".phone" if phone else "") + ".png"))
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def upload(d, url, path):
    d.get(url)
    field = d.find_element(By.CSS_SELECTOR, "input[type=file][name=file]")
    field.send_keys(path)
    d.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
    WebDriverWait(d, 30).until(EC.presence_of_element_located((By.ID, "outcome")))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tonghop", default=os.path.join(ROOT, ".build", "debug", "tonghop"))
    ap.add_argument("--screenshots")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="tonghop-serve-e2e-")
    server = None
    d = None
    try:
        job = workspace(tmp)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        links_csv = os.path.join(tmp, "links.csv")
        subprocess.run([args.tonghop, "links", job, "--base-url", base, "-o", links_csv], check=True)
        with open(links_csv, encoding="utf-8") as f:
            links = {row["unit"]: row["url"] for row in csv.DictReader(f)}
        check("links: one per unit and the province", len(links) == 11 and "province" in links, str(links.keys()))
        check("links file is private", (os.stat(links_csv).st_mode & 0o077) == 0)
        log = open(os.path.join(tmp, "serve.log"), "w")
        server = subprocess.Popen([args.tonghop, "serve", job, "--listen", f"127.0.0.1:{port}"], stdout=log, stderr=log)
        wait_up(base + "/health", server)
        inbox = os.path.join(tmp, "inbox")
        d = browser()

        # 1. A good file.
        d.get(links["DBP"])
        check("unit page in Vietnamese", "Nộp báo cáo" in d.page_source and "Thành ủy Điện Biên Phủ" in d.page_source)
        screenshot(d, args.screenshots, "unit-page")
        screenshot(d, args.screenshots, "unit-page", phone=True)
        upload(d, links["DBP"], os.path.join(tmp, "Samples", "2016", "NQ04_DBP_2016.xlsx"))
        outcome = d.find_element(By.ID, "outcome")
        check("good file: kept", outcome.get_attribute("data-placed") == "NQ04_DBP_2016.xlsx", outcome.text)
        check("good file: the report says accepted",
              len(d.find_elements(By.CSS_SELECTOR, ".badge.accepted, .badge.accepted-with-warnings")) > 0)
        check("good file: in the inbox with its receipt",
              os.path.exists(os.path.join(inbox, "NQ04_DBP_2016.xlsx"))
              and os.path.exists(os.path.join(inbox, ".receipts", "NQ04_DBP_2016.xlsx.json")))
        with open(os.path.join(inbox, ".receipts", "NQ04_DBP_2016.xlsx.json"), encoding="utf-8") as f:
            check("good file: receipt via upload", json.load(f).get("via") == "upload")
        screenshot(d, args.screenshots, "report-accepted")
        screenshot(d, args.screenshots, "report-accepted", phone=True)

        # 2. An invalid file: its issues on the page, nothing in the inbox.
        with open(os.path.join(ROOT, "Samples", "invalid", "expected.json"), encoding="utf-8") as f:
            expected = json.load(f)["files"]["NQ04_DBD_2016.xlsx"]
        upload(d, links["DBD"], os.path.join(tmp, "Samples", "invalid", "NQ04_DBD_2016.xlsx"))
        outcome = d.find_element(By.ID, "outcome")
        check("invalid file: not kept", "bad" in outcome.get_attribute("class") and not outcome.get_attribute("data-placed"),
              outcome.text)
        page = d.page_source
        for issue in expected["issues"]:
            check(f"invalid file: issue {issue['code']} on the page", issue["code"] in page)
            sheets = {a.split("!")[0] for a in issue["at"] if a}
            check(f"invalid file: the issue's sheet is named ({', '.join(sorted(sheets))})",
                  any(s in page for s in sheets))
        check("invalid file: the report says rejected", len(d.find_elements(By.CSS_SELECTOR, ".badge.rejected")) > 0)
        check("invalid file: nothing in the inbox", sorted(n for n in os.listdir(inbox) if not n.startswith(".")) ==
              ["NQ04_DBP_2016.xlsx"], str(os.listdir(inbox)))
        screenshot(d, args.screenshots, "report-rejected")
        screenshot(d, args.screenshots, "report-rejected", phone=True)

        # 3. Back to the form: the earlier upload and its fate; the English switch.
        d.find_element(By.LINK_TEXT, "Quay lại trang nộp báo cáo").click()
        rows = d.find_elements(By.CSS_SELECTOR, "#uploads tr")
        check("unit page lists the earlier upload", len(rows) == 2 and "NQ04_DBD_2016.xlsx" in rows[1].text, str(len(rows)))
        d.find_element(By.LINK_TEXT, "English").click()
        check("English switch", "Send the file" in d.page_source and "Not kept" in d.page_source)
        screenshot(d, args.screenshots, "unit-page-with-uploads", phone=True)

        # 3b. A file past the job's limit (50 MB): the 413 page, in words, and nothing kept.
        big = os.path.join(tmp, "too-big.xlsx")
        with open(big, "wb") as f:
            f.truncate(51 * 1024 * 1024)
        d.get(links["MNH"])
        d.find_element(By.CSS_SELECTOR, "input[type=file][name=file]").send_keys(big)
        d.find_element(By.CSS_SELECTOR, "form.upload button[type=submit]").click()
        WebDriverWait(d, 60).until(lambda drv: "Tệp quá lớn" in drv.page_source or "ERR_" in drv.page_source)
        check("too large: the page says so", "Tệp quá lớn: tối đa 50 MB" in d.page_source, d.page_source[:500])
        check("too large: nothing in the inbox", not any(n.startswith("NQ04_MNH") for n in os.listdir(inbox)))
        os.unlink(big)

        # 4. A changed token reaches nothing.
        d.get(links["DBP"][:-1] + ("A" if not links["DBP"].endswith("A") else "B"))
        check("a changed token: not found", "Không tìm thấy trang" in d.page_source)

        # 5. The province page (no run yet: it says so, and counts the waiting upload).
        d.get(links["province"])
        check("province page before any run", "Chưa có lần tổng hợp" in d.page_source and "DBP: 1" in d.page_source)
        screenshot(d, args.screenshots, "province-page", phone=True)

        # 6. After the nightly run: completeness and timeliness, the run report, the workbook.
        subprocess.run([args.tonghop, "run", job, "--quiet"], check=False)
        d.get(links["province"] + "?lang=en")
        page = d.page_source
        check("province page after the run: timeliness", "1 late, 9 missing" in page, page[:2000])
        d.find_element(By.LINK_TEXT, "Run report").click()
        check("province page: the run report opens", "/files/run-report.en.html" in d.current_url and "DBP" in d.page_source)
        d.back()
        href = d.find_element(By.LINK_TEXT, "The provincial workbook").get_attribute("href")
        with urllib.request.urlopen(href, timeout=10) as r:
            check("province page: the workbook downloads", r.status == 200 and r.read(2) == b"PK")
        screenshot(d, args.screenshots, "province-page-after-run")
        screenshot(d, args.screenshots, "province-page-after-run", phone=True)
    finally:
        if d is not None:
            d.quit()
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
