#!/usr/bin/python3
"""Peer implementation of `ecogov air daily` and `ecogov air evaluate --period year` in pandas.

A straightforward, idiomatic pandas program used as a timing peer in bench/run_air_bench.sh. It is
NOT a reference implementation: ecogov's own tests and the validation against official data are.
It follows the same rules so that the work done is comparable:

- input: one wide `china_sites` file (`date,hour,type,<station codes...>`, optionally .gz); only the
  six 1-hour types are used. Hour 0 of date D+1 is label 24:00 of natural day D.
- per station and natural day (labels 01:00 .. 24:00): 24-hour means of SO2, NO2, CO, PM10, PM2.5
  with >= 20 valid hours, rounded half-even (numpy); O3 8-hour moving means (>= 6 of 8 hours,
  half-even) and their daily max over the windows labelled 08:00 .. 24:00 (valid with >= 14 valid
  windows or when above 160); O3 daily max 1-hour (>= 20 valid hours);
- daily IAQI / AQI with the HJ 633-2012 tables (exact integer ceiling), O3 8h above 800 replaced by
  the O3 1h IAQI; the AQI is published when all seven indicators are valid or when it exceeds 100;
- per station and calendar year: means of SO2, NO2, PM10, PM2.5; SO2/NO2 P98, PM10/PM2.5/CO P95,
  O3 8h P90 (linear interpolation = HJ 663 Appendix A.6), rounded half-even; valid, good (AQI <= 100)
  and heavy (AQI > 200) days, good-day ratio; composite index (S: 60, 40, 70, 35, 4, 160).

Usage: peer_pandas.py INPUT [--daily-output F.csv] [--evaluate-output F.csv]
Run with Debian's /usr/bin/python3 (pandas 1.5, numpy 1.24).
"""
import argparse
import sys
import time

import numpy as np
import pandas as pd

ONE_HOUR = ["SO2", "NO2", "CO", "O3", "PM10", "PM2.5"]
MEANS = ["SO2", "NO2", "CO", "PM10", "PM2.5"]  # 24-hour means

IAQI_NODES = np.array([0, 50, 100, 150, 200, 300, 400, 500])
# HJ 633-2012 Table 1, CO in 0.1 mg/m3 (scaled like the data below); None = no breakpoint.
BREAKPOINTS = {
    "so2_24h": [0, 50, 150, 475, 800, 1600, 2100, 2620],
    "no2_24h": [0, 40, 80, 180, 280, 565, 750, 940],
    "co_24h": [0, 20, 40, 140, 240, 360, 480, 600],
    "pm10_24h": [0, 50, 150, 250, 350, 420, 500, 600],
    "pm25_24h": [0, 35, 75, 115, 150, 250, 350, 500],
    "o3_8h": [0, 100, 160, 215, 265, 800],
    "o3_1h": [0, 160, 200, 300, 400, 800, 1000, 1200],
}
DAILY = ["so2_24h", "no2_24h", "co_24h", "pm10_24h", "pm25_24h", "o3_8h", "o3_1h"]
DAILY_NAMES = {"so2_24h": "SO2", "no2_24h": "NO2", "co_24h": "CO", "pm10_24h": "PM10",
               "pm25_24h": "PM2.5", "o3_8h": "O3_8h", "o3_1h": "O3_1h"}


def iaqi(column, conc):
    """IAQI of scaled integer concentrations (float array, NaN = missing), exact ceiling."""
    bp = np.array(BREAKPOINTS[column])
    c = np.asarray(conc, dtype=float)
    out = np.full(c.shape, np.nan)
    valid = ~np.isnan(c)
    cv = c[valid].astype(np.int64)
    i = np.searchsorted(bp, cv, side="left").clip(1, None)  # first node >= c
    beyond = i >= len(bp)
    i = i.clip(None, len(bp) - 1)
    lo_c, hi_c = bp[i - 1], bp[i]
    lo_i, hi_i = IAQI_NODES[i - 1], IAQI_NODES[i]
    num = (hi_i - lo_i) * (cv - lo_c)
    val = lo_i + -(-num // (hi_c - lo_c))
    val = np.where(cv == 0, 0, val).astype(float)
    if column == "o3_8h":
        val[beyond] = np.nan  # above 800: no value on the 8-hour column
    else:
        val[beyond] = 500
    out[valid] = val
    return out


def read_hourly(path):
    """Long hourly table: index (station, label), columns the six 1-hour types (CO in 0.1 mg/m3)."""
    raw = pd.read_csv(path)
    raw = raw[raw["type"].isin(ONE_HOUR)]
    label = pd.to_datetime(raw["date"].astype(str), format="%Y%m%d") + pd.to_timedelta(raw["hour"], unit="h")
    raw = raw.drop(columns=["date", "hour"]).assign(label=label)
    hourly = (raw.set_index(["label", "type"]).rename_axis(columns="station")
              .stack(dropna=False).unstack("type"))
    hourly = hourly.swaplevel().sort_index()
    # Continuous hours per station, so that rolling windows count hours, not rows.
    labels = pd.date_range(hourly.index.get_level_values("label").min(),
                           hourly.index.get_level_values("label").max(), freq="h")
    stations = hourly.index.get_level_values("station").unique()
    hourly = hourly.reindex(pd.MultiIndex.from_product([stations, labels], names=["station", "label"]))
    hourly["CO"] = np.round(hourly["CO"] * 10)  # 0.1 mg/m3 integers
    return hourly


def daily_values(hourly):
    h = hourly.reset_index()
    h["day"] = (h["label"] - pd.Timedelta(hours=1)).dt.normalize()
    h["label_hour"] = (h["label"] - h["day"]) // pd.Timedelta(hours=1)  # 1..24
    h["O3_8h"] = (h.groupby("station")["O3"].rolling(8, min_periods=6).mean()
                  .reset_index(level=0, drop=True).round())

    g = h.groupby(["station", "day"])
    counts = g[MEANS + ["O3"]].count()
    means = g[MEANS].mean().round()
    means = means.where(counts[MEANS] >= 20)
    daily = pd.DataFrame({
        "so2_24h": means["SO2"], "no2_24h": means["NO2"], "co_24h": means["CO"],
        "pm10_24h": means["PM10"], "pm25_24h": means["PM2.5"],
    })
    windows = h[h["label_hour"] >= 8].groupby(["station", "day"])["O3_8h"].agg(["max", "count"])
    daily["o3_8h"] = windows["max"].where((windows["count"] >= 14) | (windows["max"] > 160))
    daily["o3_1h"] = g["O3"].max().where(counts["O3"] >= 20)

    iaqis = pd.DataFrame({f"iaqi_{c}": iaqi(c, daily[c].to_numpy()) for c in DAILY}, index=daily.index)
    over_800 = daily["o3_8h"] > 800
    iaqis.loc[over_800, "iaqi_o3_8h"] = iaqis.loc[over_800, "iaqi_o3_1h"]
    computed = iaqis.max(axis=1)
    complete = iaqis.notna().all(axis=1)
    daily = daily.join(iaqis)
    daily["aqi"] = computed.where(complete | (computed > 100))
    is_primary = iaqis.eq(daily["aqi"], axis=0) & (daily["aqi"] > 50).to_numpy()[:, None]
    names = np.array([DAILY_NAMES[c] for c in DAILY])
    daily["primary"] = [ "+".join(names[row]) for row in is_primary.to_numpy() ]
    daily["level"] = pd.cut(daily["aqi"], [-1, 50, 100, 150, 200, 300, np.inf], labels=[1, 2, 3, 4, 5, 6])
    daily["co_24h"] = daily["co_24h"] / 10
    return daily


def evaluate_year(daily):
    d = daily.reset_index()
    d["year"] = d["day"].dt.year
    d["co10"] = d["co_24h"] * 10
    g = d.groupby(["station", "year"])
    ev = g[["so2_24h", "no2_24h", "pm10_24h", "pm25_24h"]].mean().round()
    ev.columns = ["so2_mean", "no2_mean", "pm10_mean", "pm25_mean"]
    ev["so2_p98"] = g["so2_24h"].quantile(0.98).round()
    ev["no2_p98"] = g["no2_24h"].quantile(0.98).round()
    ev["pm10_p95"] = g["pm10_24h"].quantile(0.95).round()
    ev["pm25_p95"] = g["pm25_24h"].quantile(0.95).round()
    ev["co_p95"] = g["co10"].quantile(0.95).round() / 10
    ev["o3_8h_p90"] = g["o3_8h"].quantile(0.90).round()
    ev["valid_days"] = g["aqi"].count()
    ev["good_days"] = d["aqi"].le(100).groupby([d["station"], d["year"]]).sum()
    ev["heavy_days"] = d["aqi"].gt(200).groupby([d["station"], d["year"]]).sum()
    ev["good_ratio"] = (ev["good_days"] / ev["valid_days"] * 100).round(1)
    ev["composite_index"] = (ev["so2_mean"] / 60 + ev["no2_mean"] / 40 + ev["pm10_mean"] / 70
                             + ev["pm25_mean"] / 35 + ev["co_p95"] / 4 + ev["o3_8h_p90"] / 160).round(2)
    return ev


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("--daily-output")
    ap.add_argument("--evaluate-output")
    ap.add_argument("--timings", action="store_true", help="phase timings on stderr")
    args = ap.parse_args()
    if not args.daily_output and not args.evaluate_output:
        ap.error("give --daily-output and/or --evaluate-output")
    t0 = time.perf_counter()
    hourly = read_hourly(args.input)
    t1 = time.perf_counter()
    daily = daily_values(hourly)
    t2 = time.perf_counter()
    if args.daily_output:
        out = daily.reset_index()
        out["day"] = out["day"].dt.strftime("%Y-%m-%d")
        out.to_csv(args.daily_output, index=False, float_format="%g")
    t3 = time.perf_counter()
    if args.evaluate_output:
        evaluate_year(daily).reset_index().to_csv(args.evaluate_output, index=False, float_format="%g")
    t4 = time.perf_counter()
    if args.timings:
        print(f"read+reshape {t1 - t0:.2f}s  daily {t2 - t1:.2f}s  write daily {t3 - t2:.2f}s  "
              f"evaluate {t4 - t3:.2f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
