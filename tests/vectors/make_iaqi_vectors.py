#!/usr/bin/env python3
"""Independent oracle for the HJ 633 IAQI vectors (tests/vectors/iaqi_vectors.csv).

It encodes only the breakpoint tables of HJ 633-2012 Table 1 and HJ 633-2026 Table 3 (as
transcribed in standards/air.md sections 1.1 and 2.2) and the rounding rule "全部进位取整数"
(ceil, HJ 633-2012 §6.2, HJ 633-2026 §4.2.6). It does not call or mirror the C++ code: values are
exact rationals (fractions.Fraction) in the official units (µg/m³, CO in mg/m³) and rounded with
math.ceil.

Rows written:
  * every breakpoint of every column of both rule sets, and one reporting unit each side
    (1 µg/m³; 0.1 mg/m³ for CO);
  * every value on a 0..top grid (CO 0-150 mg/m³ by 0.1, others 0..top by 1 µg/m³) where the
    naive binary-floating-point formula (ΔI/ΔBP)·(C−BP_Lo)+I_Lo, ceiled, differs from the exact
    value (the "CO 65.4 -> 218, not 219" trap of air.md §9 item 2);
  * IAQIs published by CNEMC (air.md §0, §1.3, §2.4, §3), recomputed here as a cross-check.

Usage: python3 make_iaqi_vectors.py > iaqi_vectors.csv
"""
import math
import sys
from fractions import Fraction

IAQI_NODES = [0, 50, 100, 150, 200, 300, 400, 500]

# Column name (as in the C++ IaqiColumn enum) -> (decimals of the reporting unit, nodes).
# Nodes are in the official unit; None = no breakpoint (table notes 2/3, b/c).
TABLE_2012 = {
    "so2_24h": (0, [0, 50, 150, 475, 800, 1600, 2100, 2620]),
    "so2_1h": (0, [0, 150, 500, 650, 800, None, None, None]),
    "no2_24h": (0, [0, 40, 80, 180, 280, 565, 750, 940]),
    "no2_1h": (0, [0, 100, 200, 700, 1200, 2340, 3090, 3840]),
    "co_24h": (1, [0, 2, 4, 14, 24, 36, 48, 60]),
    "co_1h": (1, [0, 5, 10, 35, 60, 90, 120, 150]),
    "o3_1h": (0, [0, 160, 200, 300, 400, 800, 1000, 1200]),
    "o3_8h": (0, [0, 100, 160, 215, 265, 800, None, None]),
    "pm10_24h": (0, [0, 50, 150, 250, 350, 420, 500, 600]),
    "pm25_24h": (0, [0, 35, 75, 115, 150, 250, 350, 500]),
}
TABLE_2026 = {
    "so2_24h": (0, [0, 50, 150, 475, 800, 1600, 2100, 2620]),
    "so2_1h": (0, [0, 150, 500, 650, 800, None, None, None]),
    "no2_24h": (0, [0, 40, 80, 180, 280, 565, 750, 940]),
    "no2_1h": (0, [0, 100, 200, 700, 1200, 2340, 3090, 3840]),
    "co_24h": (1, [0, 2, 4, 14, 24, 36, 48, 60]),
    "co_1h": (1, [0, 5, 10, 35, 60, 90, 120, 150]),
    "o3_1h": (0, [0, 160, 200, 300, 400, 800, 1000, 1200]),
    "o3_8h": (0, [0, 100, 160, 215, 265, 800, None, None]),
    "pm10_24h": (0, [0, 50, 120, 250, 350, 420, 500, 600]),
    "pm25_24h": (0, [0, 35, 60, 115, 150, 250, 350, 500]),
}
TABLES = {"hj633-2012": TABLE_2012, "hj633-2026": TABLE_2026}

# Published (CNEMC) IAQIs: (rules, column, scaled concentration, IAQI, where in air.md).
PUBLISHED = [
    ("hj633-2012", "pm25_24h", 55, 75, "air.md s0 1001A 2026-03-01T00 PM2.5 1h"),
    ("hj633-2026", "pm25_24h", 50, 80, "air.md s0 1001A 2026-03-01T01 PM2.5 1h"),
    ("hj633-2012", "pm10_24h", 778, 500, "air.md s1.3 2686A PM10 1h above top"),
    ("hj633-2012", "pm25_24h", 146, 195, "air.md s3 1017A 2022-01-01T10 PM2.5 1h"),
    ("hj633-2012", "pm25_24h", 41, 58, "air.md s3 1112A 2022-01-01T10 PM2.5 1h"),
    ("hj633-2012", "o3_1h", 162, 53, "air.md s3 1414A 2022-06-15T15 O3 1h"),
    ("hj633-2012", "o3_1h", 265, 133, "air.md s3 1316A 2022-06-15T15 O3 1h"),
    ("hj633-2026", "pm25_24h", 79, 118, "air.md s2.4 1316A PM2.5 1h"),
    ("hj633-2026", "pm25_24h", 93, 130, "air.md s2.4 1323A PM2.5 1h"),
    ("hj633-2026", "pm25_24h", 104, 140, "air.md s2.4 3591A PM2.5 1h"),
    ("hj633-2026", "pm25_24h", 60, 100, "air.md s2.4 3590A PM2.5 1h"),
    ("hj633-2026", "pm10_24h", 291, 171, "air.md s2.4 3471A PM10 1h"),
    ("hj633-2026", "pm10_24h", 114, 96, "air.md s2.4 1122A PM10 1h"),
    ("hj633-2026", "pm10_24h", 164, 117, "air.md s2.4 2206A PM10 1h"),
]


def to_unit(scaled, decimals):
    return Fraction(scaled, 10**decimals)


def segments(nodes):
    """(I_lo, I_hi, BP_lo, BP_hi) for each defined segment."""
    out = []
    for i in range(1, len(nodes)):
        if nodes[i] is None:
            break
        out.append((IAQI_NODES[i - 1], IAQI_NODES[i], nodes[i - 1], nodes[i]))
    return out


def exact_iaqi(rules, column, scaled):
    """IAQI, or None where the table defines none (SO2 1h / O3 8h above 800)."""
    decimals, nodes = TABLES[rules][column]
    c = to_unit(scaled, decimals)
    if c < 0:
        return None
    for i_lo, i_hi, bp_lo, bp_hi in segments(nodes):
        if c <= bp_hi:
            return i_lo + math.ceil(Fraction(i_hi - i_lo, 1) / (bp_hi - bp_lo) * (c - bp_lo))
    if nodes[-1] is None:
        return None
    return 500


def naive_iaqi(rules, column, scaled):
    """The floating-point formula many implementations use; only for finding traps."""
    decimals, nodes = TABLES[rules][column]
    c = scaled / 10**decimals  # correctly rounded: the same double as parsing "65.4"
    for i_lo, i_hi, bp_lo, bp_hi in segments(nodes):
        if c <= bp_hi:
            return math.ceil((i_hi - i_lo) / (bp_hi - bp_lo) * (c - bp_lo) + i_lo)
    return None if nodes[-1] is None else 500


def scaled_nodes(rules, column):
    decimals, nodes = TABLES[rules][column]
    return decimals, [n * 10**decimals for n in nodes if n is not None]


def breakpoint_rows():
    rows = []
    for rules in TABLES:
        for column in TABLES[rules]:
            _, nodes = scaled_nodes(rules, column)
            for k, bp in enumerate(nodes):
                for delta, tag in ((-1, "bp-1"), (0, "bp"), (1, "bp+1")):
                    c = bp + delta
                    if c < 0:
                        continue
                    case = f"{tag} IAQI{IAQI_NODES[k]}"
                    if delta == 1 and k == len(nodes) - 1:
                        defined = TABLES[rules][column][1][-1] is not None
                        case += " above top" if defined else " above 800 no IAQI on column"
                    rows.append((rules, column, c, exact_iaqi(rules, column, c), case))
    return rows


def trap_rows():
    rows = []
    for rules in TABLES:
        for column in TABLES[rules]:
            _, nodes = scaled_nodes(rules, column)
            for c in range(0, nodes[-1] + 1):
                exact = exact_iaqi(rules, column, c)
                naive = naive_iaqi(rules, column, c)
                if exact != naive:
                    rows.append((rules, column, c, exact, f"naive double gives {naive}"))
    return rows


def published_rows():
    rows = []
    for rules, column, c, published, where in PUBLISHED:
        got = exact_iaqi(rules, column, c)
        if got != published:
            sys.exit(f"oracle disagrees with published {where}: {got} != {published}")
        rows.append((rules, column, c, published, f"published {where}"))
    return rows


def fmt(v):
    return "NA" if v is None else str(v)


def main():
    traps = trap_rows()
    if not any(r[1] == "co_1h" and r[2] == 654 and r[3] == 218 for r in traps):
        sys.exit("expected the CO 1h 65.4 trap among the naive-double mismatches")
    print("# source: HJ 633-2012 Table 1 and §6.2; HJ 633-2026 Table 3 and §4.2.6")
    print("# (as transcribed in standards/air.md §1.1, §2.2; traps: §9 item 2; published: §0, §1.3,")
    print("# §2.4, §3). Generated by make_iaqi_vectors.py (exact Fraction + math.ceil); do not edit.")
    print("# scaled: µg/m³ integer, CO in 0.1 mg/m³. expected NA = no IAQI defined on the column.")
    print("rules,column,scaled,expected,case")
    for r in breakpoint_rows() + traps + published_rows():
        print(f"{r[0]},{r[1]},{r[2]},{fmt(r[3])},{r[4]}")


if __name__ == "__main__":
    main()
