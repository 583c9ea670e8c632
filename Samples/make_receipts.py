#!/usr/bin/env python3
"""Write the inbox receipts of the sample submissions (run by make_samples.py, or alone):

    python3 Samples/make_receipts.py

For every sample submission in Samples/2015 and Samples/2016,
`Samples/<year>/.receipts/<file>.json`: when the file entered the inbox (docs/OPERATIONS.md,
"When a file counts as received"), the SHA-256 of its bytes and `via: sample`. Without
receipts the job would count the files as received when git checked them out, years after
the deadlines (15/12/2015 17:00 and 15/11/2016 17:00, in the job files).

The times are fixed, one working day apart from the first of the deadline's month, all
on time except two cases the 2016 samples are there to show: Tuần Giáo's file came the
morning after the deadline (late by 17 h 20 min), and Mường Chà corrected its file of
9 November with NQ04_MCH_2016_v2.xlsx on 14 November (the later one counts).
"""

import datetime as dt
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ICT = dt.timezone(dt.timedelta(hours=7))

# Order in which the units sent their files, as a province would see it.
ORDER = ["DBP", "MLA", "DBI", "TCH", "MAN", "NPO", "MCH", "DBD", "MNH", "TGI"]

# Files whose time is not their place in ORDER.
FIXED = {
    "NQ04_MCH_2016_v2.xlsx": dt.datetime(2016, 11, 14, 15, 40, tzinfo=ICT),
    "NQ04_TGI_2016.xlsx": dt.datetime(2016, 11, 16, 10, 20, tzinfo=ICT),
}

FIRST_DAY = {2015: dt.date(2015, 12, 1), 2016: dt.date(2016, 11, 1)}


def receipt_time(year: int, i: int) -> dt.datetime:
    day = FIRST_DAY[year]
    n = 0
    while n < i:  # the i-th working day after the first
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n += 1
    return dt.datetime(day.year, day.month, day.day, 8 + (i * 3) % 8, (i * 17) % 60, tzinfo=ICT)


def receipts(year: int) -> dict[str, dt.datetime]:
    """File name -> received time, for the sample files of `year`."""
    out = {}
    for i, unit in enumerate(ORDER):
        out[f"NQ04_{unit}_{year}.xlsx"] = receipt_time(year, i)
    for name, t in FIXED.items():
        if f"_{year}" in name:
            out[name] = t
    return out


def main() -> None:
    for year in sorted(FIRST_DAY):
        inbox = os.path.join(HERE, str(year))
        folder = os.path.join(inbox, ".receipts")
        os.makedirs(folder, exist_ok=True)
        times = receipts(year)
        for name in os.listdir(folder):
            if name.endswith(".json") and name[:-5] not in times:
                os.remove(os.path.join(folder, name))
        for name, t in sorted(times.items()):
            with open(os.path.join(inbox, name), "rb") as f:
                sha = hashlib.sha256(f.read()).hexdigest()
            r = {"file": name, "received_at": t.isoformat(), "sha256": sha, "via": "sample"}
            with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
                f.write(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n")
        print(f"make_receipts: {len(times)} receipts in {folder}")


if __name__ == "__main__":
    main()
