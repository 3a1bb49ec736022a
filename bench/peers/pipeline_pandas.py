"""The core pipeline in pandas (Debian python3-pandas), same definitions as bench/README.md.

Steps: parse the CSVs -> claims and sickness spells to employment spells -> unit x month overtime,
unit x FY sickness and leavers -> unit x indicator matrix with z-scores.
Run: python3 bench/peers/pipeline_pandas.py DIR OUT.json FROM TO AS_OF   (window as epoch days)
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

OPEN_END = 2147483647
EPOCH = np.datetime64("1970-01-01", "D")


def epoch_days(series):
    """ISO dates -> epoch days as floats (NaN when empty)."""
    d = pd.to_datetime(series, format="%Y-%m-%d")
    return (d - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype="float64", na_value=np.nan)


def wd_before(n):
    """Monday-Friday days in epoch days [0, n): day 0 was a Thursday."""
    n = np.asarray(n, dtype="int64")
    return (n // 7) * 5 + np.array([0, 1, 2, 2, 2, 3, 4])[n % 7]


def wd(a, b):
    """Working days a..b inclusive (0 when b < a)."""
    return np.where(b < a, 0, wd_before(b + 1) - wd_before(a))


def main(folder, out, start, end, as_of):
    t0 = time.perf_counter()
    people = pd.read_csv(f"{folder}/people.csv", dtype={"person_id": str, "unit_id": str, "leaver_type": str},
                         usecols=["person_id", "unit_id", "fte", "contracted_hours_per_week", "start_date",
                                  "end_date", "leaver_type"])
    overtime = pd.read_csv(f"{folder}/overtime.csv", dtype={"person_id": str},
                           usecols=["person_id", "date", "hours"])
    sickness = pd.read_csv(f"{folder}/sickness.csv", dtype={"person_id": str},
                           usecols=["person_id", "start_date", "end_date", "working_days_lost"])
    people["start"] = epoch_days(people["start_date"]).astype("int64")
    people["end"] = np.nan_to_num(epoch_days(people["end_date"]), nan=OPEN_END).astype("int64")
    overtime["day"] = epoch_days(overtime["date"]).astype("int64")
    sickness["a0"] = epoch_days(sickness["start_date"]).astype("int64")
    sickness["end"] = epoch_days(sickness["end_date"])

    # Overtime per unit and month: each claim to the spell of its person covering its date.
    spells = people[["person_id", "unit_id", "start", "end"]]
    claims = overtime[(overtime["day"] >= start) & (overtime["day"] <= end)].merge(spells, on="person_id")
    claims = claims[(claims["day"] >= claims["start"]) & (claims["day"] <= claims["end"])]
    claims["month"] = (EPOCH + claims["day"].values.astype("timedelta64[D]")).astype("datetime64[M]")
    overtime_unit_month = claims.groupby(["unit_id", "month"], sort=False)["hours"].sum()

    # Financial years of the window.
    first = int(str(EPOCH + np.timedelta64(start, "D"))[:4])
    last = int(str(EPOCH + np.timedelta64(end, "D"))[:4])
    years = pd.DataFrame({"fy": range(first, last)})
    years["fy_start"] = [(np.datetime64(f"{y}-04-01") - EPOCH).astype(int) for y in years["fy"]]
    years["fy_end"] = [(np.datetime64(f"{y + 1}-03-31") - EPOCH).astype(int) for y in years["fy"]]

    # Exposure, headcount at the start and leavers per unit and FY.
    py = people.merge(years, how="cross")
    py = py[(py["start"] <= py["fy_end"]) & (py["end"] >= py["fy_start"])].copy()
    days_in = np.minimum(py["end"], py["fy_end"]) - np.maximum(py["start"], py["fy_start"]) + 1
    py["fte_avg"] = py["fte"] * days_in / (py["fy_end"] - py["fy_start"] + 1)
    py["hc_start"] = ((py["start"] <= py["fy_start"]) & (py["end"] >= py["fy_start"])).astype("int64")
    py["leaver"] = ((py["end"] >= py["fy_start"]) & (py["end"] <= py["fy_end"]) & (py["end"] != OPEN_END)
                    & (py["leaver_type"].fillna("") != "transfer_out")).astype("int64")
    exposure = py.groupby("unit_id").agg(fte_years=("fte_avg", "sum"), headcount_start=("hc_start", "sum"),
                                         leavers=("leaver", "sum"))

    # Sickness: days apportioned to FYs by working days, times FTE.
    fte = np.where(people["fte"] > 0, people["fte"],
                   np.where(people["contracted_hours_per_week"] > 0, people["contracted_hours_per_week"] / 40, 1.0))
    people["fte_eff"] = fte
    sk = sickness[sickness["a0"] <= as_of].merge(people[["person_id", "unit_id", "start", "end", "fte_eff"]],
                                                 on="person_id")
    sk = sk[(sk["a0"] >= sk["start"]) & (sk["a0"] <= sk["end_y"])].copy()
    sk["b0"] = np.minimum(np.minimum(sk["end_x"].fillna(as_of), as_of), sk["end_y"]).astype("int64")
    sk = sk.merge(years, how="cross")
    sk = sk[(sk["fy_start"] <= sk["b0"]) & (sk["fy_end"] >= sk["a0"])].copy()
    a = np.maximum(sk["a0"], sk["fy_start"]).values
    b = np.minimum(sk["b0"], sk["fy_end"]).values
    inside = wd(a, b)
    total = wd(sk["a0"].values, sk["b0"].values)
    rec = sk["working_days_lost"].values
    with np.errstate(divide="ignore", invalid="ignore"):
        lost = np.where(np.isnan(rec), inside,
                        np.where(total > 0, rec * inside / total, rec * (b - a + 1) / (sk["b0"].values - sk["a0"].values + 1)))
    sk["fte_lost"] = sk["fte_eff"].values * lost
    sick_unit = sk.groupby("unit_id")["fte_lost"].sum()

    units = exposure.join(overtime_unit_month.groupby(level=0).sum().rename("overtime_hours"), how="left")
    units = units.join(sick_unit.rename("fte_days_lost"), how="left").fillna({"overtime_hours": 0, "fte_days_lost": 0})
    with np.errstate(divide="ignore", invalid="ignore"):
        values = pd.DataFrame({
            "leaver_rate_pct": np.where(units["headcount_start"] > 0, 100 * units["leavers"] / units["headcount_start"], np.nan),
            "overtime_hours_per_fte": np.where(units["fte_years"] > 0, units["overtime_hours"] / units["fte_years"], np.nan),
            "sickness_days_per_fte": np.where(units["fte_years"] > 0, units["fte_days_lost"] / units["fte_years"], np.nan),
        }, index=units.index)
    z = (values - values.mean()) / values.std(ddof=1)
    cells = values.stack(dropna=False).rename("value").to_frame().join(z.stack(dropna=False).rename("z"))
    cells = cells.reset_index().rename(columns={"level_1": "indicator"}).sort_values(["unit_id", "indicator"])
    seconds = time.perf_counter() - t0
    records = [{"unit_id": u, "indicator": i, "value": None if np.isnan(v) else float(v),
                "z": None if np.isnan(zz) else float(zz)}
               for u, i, v, zz in cells[["unit_id", "indicator", "value", "z"]].itertuples(index=False)]
    with open(out, "w") as f:
        json.dump(records, f)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("BENCH_RESULT " + json.dumps({"seconds": seconds, "maxRssMb": peak, "pandas": pd.__version__}))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit("usage: python3 bench/peers/pipeline_pandas.py DIR OUT.json FROM TO AS_OF")
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
