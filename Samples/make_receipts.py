#!/usr/bin/env python3
"""Write the inbox receipts of the sample submissions (run by make_samples.py, or alone):

    python3 Samples/make_receipts.py

For every Samples/2016/NQ04_<UNIT>_2016.xlsx, `Samples/2016/.receipts/<file>.json`: when
the file entered the inbox (docs/OPERATIONS.md, "When a file counts as received"), the
SHA-256 of its bytes and `via: sample`. Without receipts the job would count the files as
received when git checked them out, years after the 2016 deadline (15/11/2016 17:00).
The times are fixed, all before that deadline, one working day apart from 1 Nov 2016.
"""

import datetime as dt
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ICT = dt.timezone(dt.timedelta(hours=7))

# Order in which the units sent their files, as a province would see it.
ORDER = ["DBP", "MLA", "DBI", "TCH", "MAN", "NPO", "MCH", "DBD", "MNH", "TGI"]


def receipt_time(i: int) -> dt.datetime:
    day = dt.date(2016, 11, 1)
    n = 0
    while n < i:  # the i-th working day after 1 Nov
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n += 1
    return dt.datetime(day.year, day.month, day.day, 8 + (i * 3) % 8, (i * 17) % 60, tzinfo=ICT)


def main() -> None:
    inbox = os.path.join(HERE, "2016")
    folder = os.path.join(inbox, ".receipts")
    os.makedirs(folder, exist_ok=True)
    for i, unit in enumerate(ORDER):
        name = f"NQ04_{unit}_2016.xlsx"
        with open(os.path.join(inbox, name), "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        r = {"file": name, "received_at": receipt_time(i).isoformat(), "sha256": sha, "via": "sample"}
        with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(r, sort_keys=True, separators=(",", ":")) + "\n")
    print(f"make_receipts: {len(ORDER)} receipts in {folder}")


if __name__ == "__main__":
    main()
