// Demo water sections, samples and soil plots (services/water_demo.hpp).
//
// Names: the 颍河 (Ying river) rises on the south side of 嵩山 in 登封 and flows east through 告成
// towards 禹州; 少林河, 书院河 and 五渡河 are tributaries in 登封 (names as given in the project's
// brief; we are confident of the 颍河 and its course through 告成, less so of the exact tributary
// reaches). Section codes, sites, coordinates, the reservoir "少林水库" as the demo drinking-water
// source, the units they are assigned to and every value are ILLUSTRATIVE, not monitoring data.
#include "services/water_demo.hpp"

#include <array>
#include <cmath>
#include <cstdio>

#include "services/targets.hpp"
#include "services/water_import.hpp"
#include "services/water_sections.hpp"

namespace ecogov {

namespace {

struct DemoSection {
    const char* code;
    const char* name;
    const char* body;
    const char* river;
    const char* unit;  // township name, or "" for the bureau
    const char* target;
    const char* kind;
    double lon, lat;
    double cod, nh3n, tp, codmn;  // typical wet-season levels (mg/L)
};

// Levels are chosen so that 告成, the 出境 section, 书院河 and the reservoir fall short of their
// target class in some dry-season months.
constexpr std::array<DemoSection, 7> kSections = {{
    {"DFW01", "颍河大金店断面", "river", "颍河", "大金店镇", "III", "county", 112.98, 34.42, 13,
     0.40, 0.11, 3.6},
    {"DFW02", "颍河告成断面", "river", "颍河", "告成镇", "III", "city", 113.15, 34.40, 18.5, 0.85,
     0.17, 4.9},
    {"DFW03", "颍河出境断面", "river", "颍河", "", "III", "provincial", 113.25, 34.38, 16, 0.62,
     0.15, 4.3},
    {"DFW04", "少林河少林断面", "river", "少林河", "少林街道", "III", "county", 112.95, 34.50, 11,
     0.32, 0.08, 3.0},
    {"DFW05", "书院河嵩阳断面", "river", "书院河", "嵩阳街道", "IV", "county", 113.05, 34.47, 23,
     1.15, 0.24, 6.8},
    {"DFW06", "五渡河卢店断面", "river", "五渡河", "卢店镇", "III", "county", 113.08, 34.44, 12,
     0.38, 0.10, 3.4},
    {"DFW07", "少林水库取水口", "lake", "少林河", "", "II", "drinking_source", 112.93, 34.51, 11,
     0.20, 0.022, 2.9},
}};

/// splitmix64: a small deterministic generator (the demo must not depend on std::rand).
struct Rng {
    std::uint64_t s;
    double uniform() {  // [0, 1)
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return static_cast<double>((z ^ (z >> 31)) >> 11) / 9007199254740992.0;
    }
    double around(double x, double spread) { return x * (1.0 + spread * (2.0 * uniform() - 1.0)); }
};

double season(int month) {
    const bool dry = month >= 11 || month <= 4;
    return dry ? 1.32 : (month == 7 || month == 8 ? 0.85 : 0.95);
}

void row(std::string& out, const DemoSection& s, const std::string& date, const char* item,
         double v, int decimals) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s,%s,%s,%s,%.*f\n", s.code, s.body, date.c_str(), item,
                  decimals, v);
    out += buf;
}

void month_rows(std::string& out, const DemoSection& s, Date day, Rng& rng) {
    const double f = season(day.month());
    const std::string date = day.iso();
    const double temp = 4.0 + 11.0 * (1.0 - std::cos((day.month() - 1) * 3.14159265 / 6.0));
    row(out, s, date, "水温", rng.around(temp, 0.1), 1);
    row(out, s, date, "pH", rng.around(7.8, 0.04), 2);
    row(out, s, date, "DO", rng.around(9.5 - temp * 0.12, 0.08), 1);
    row(out, s, date, "CODMn", rng.around(s.codmn * f, 0.12), 1);
    row(out, s, date, "COD", rng.around(s.cod * f, 0.12), 0);
    row(out, s, date, "BOD5", rng.around(s.cod * f * 0.18, 0.15), 1);
    row(out, s, date, "NH3-N", rng.around(s.nh3n * f, 0.18), 3);
    row(out, s, date, "TP", rng.around(s.tp * f, 0.15), 3);
    row(out, s, date, "TN", rng.around(s.nh3n * f * 2.4 + 0.6, 0.1), 2);
    if (std::string_view(s.kind) != "drinking_source") return;
    out += std::string(s.code) + "," + s.body + "," + date + ",Hg,<0.00004\n";
    out += std::string(s.code) + "," + s.body + "," + date + ",Cd,ND\n";
    row(out, s, date, "硫酸盐", rng.around(62, 0.1), 0);
    row(out, s, date, "氯化物", rng.around(28, 0.1), 0);
    row(out, s, date, "硝酸盐", rng.around(2.1, 0.15), 2);
}

Result<int> add_sections(storage::Connection& c, const Actor& cli, const std::string& at,
                         std::int64_t bureau, const std::map<std::string, std::int64_t>& units) {
    for (const DemoSection& d : kSections) {
        const auto u = units.find(d.unit);
        const WaterSection s{
            0,        d.code, d.name, d.body, d.river, u == units.end() ? bureau : u->second,
            d.target, d.kind, d.lon,  d.lat};
        if (auto ok = create_water_section(c, cli, s, at); !ok) return std::unexpected(ok.error());
    }
    return static_cast<int>(kSections.size());
}

struct DemoPlot {
    const char* code;
    const char* name;
    const char* unit;
    const char* land_use;
    double lon, lat;
    const char* samples[3];  // "date,ph,cd,hg,as,pb,cr,cu,ni,zn"
};

// pH of 登封 farmland is mostly above 7.5 (calcareous loess soils); values are illustrative.
constexpr std::array<DemoPlot, 5> kPlots = {{
    {"DFS01",
     "大金店镇小麦地块",
     "大金店镇",
     "other",
     112.99,
     34.43,
     {"2025-05-12,8.12,0.21,0.045,10.2,22.5,62,24,28,71",
      "2025-05-12,8.05,0.18,0.038,9.6,21.0,58,22,27,66",
      "2025-05-13,7.96,0.24,0.051,11.0,24.8,65,26,30,75"}},
    {"DFS02",
     "告成镇蔬菜地块",
     "告成镇",
     "other",
     113.14,
     34.41,
     {"2025-05-14,7.88,0.32,0.062,11.8,27.1,66,29,31,88",
      "2025-05-14,7.92,0.29,<0.005,12.3,25.9,64,27,30,84",
      "2025-05-15,7.81,0.35,0.070,12.9,28.4,69,31,32,92"}},
    {"DFS03",
     "宣化镇苹果园地块",
     "宣化镇",
     "orchard",
     113.22,
     34.33,
     {"2025-06-03,7.65,0.26,0.041,10.8,23.4,60,96,29,80",
      "2025-06-03,7.58,0.23,0.039,10.1,22.7,57,88,28,77",
      "2025-06-04,7.71,0.28,0.044,11.5,24.1,61,102,30,83"}},
    {"DFS04",
     "卢店镇水田地块",
     "卢店镇",
     "paddy",
     113.09,
     34.45,
     {"2025-06-10,7.35,0.48,0.052,12.5,31.0,70,30,33,90",
      "2025-06-10,7.28,0.72,0.061,13.2,33.6,74,32,34,96",
      "2025-06-11,7.41,0.55,0.058,12.8,32.2,71,31,33,93"}},
    {"DFS05",
     "大冶镇工矿周边农田",
     "大冶镇",
     "other",
     113.30,
     34.37,
     {"2025-06-18,7.92,2.35,0.21,24.6,185,88,52,41,310",
      "2025-06-18,7.85,4.62,0.35,31.8,420,95,61,44,455",
      "2025-06-19,7.98,1.10,0.15,19.2,96,82,45,39,240"}},
}};

std::string soil_csv() {
    std::string out = "plot,sample,date,ph,cd,hg,as,pb,cr,cu,ni,zn\n";
    for (const DemoPlot& p : kPlots)
        for (int i = 0; i < 3; ++i)
            out += std::string(p.code) + "," + p.code + "-" + std::to_string(i + 1) + "," +
                   p.samples[i] + "\n";
    return out;
}

Result<int> add_plots(storage::Connection& c, const Actor& cli, const std::string& at,
                      std::int64_t bureau, const std::map<std::string, std::int64_t>& units) {
    for (const DemoPlot& d : kPlots) {
        const auto u = units.find(d.unit);
        const SoilPlot p{0,          d.code, d.name, u == units.end() ? bureau : u->second,
                         d.land_use, d.lon,  d.lat};
        if (auto ok = create_soil_plot(c, cli, p, at); !ok) return std::unexpected(ok.error());
    }
    return static_cast<int>(kPlots.size());
}

Result<std::int64_t> import_or_fail(const Result<SampleImportReport>& r) {
    if (!r) return std::unexpected(r.error());
    if (!r->errors.empty())
        return fail(ErrorCode::internal, "demo data rejected: line " +
                                             std::to_string(r->errors.front().line) + ": " +
                                             r->errors.front().message);
    return r->accepted;
}

}  // namespace

std::string demo_water_csv(Date last_day) {
    std::string out = "section,water_body,date,item,value\n";
    Rng rng{20250110};
    for (Date month = Date::from_ymd(2025, 1, 1); month <= last_day;
         month = Date::from_ymd(month.year() + (month.month() == 12), month.month() % 12 + 1, 1)) {
        const Date day = Date::from_ymd(month.year(), month.month(), 10);
        if (day > last_day) break;
        for (const DemoSection& s : kSections) month_rows(out, s, day, rng);
    }
    return out;
}

Result<WaterDemoSummary> add_water_demo(storage::Connection& c, const Actor& cli,
                                        const std::string& at, std::int64_t bureau,
                                        const std::map<std::string, std::int64_t>& unit_by_name,
                                        Date last_day) {
    WaterDemoSummary s;
    auto sections = add_sections(c, cli, at, bureau, unit_by_name);
    if (!sections) return std::unexpected(sections.error());
    s.sections = *sections;
    auto water = import_or_fail(
        import_water_samples(c, cli, "demo-water.csv", demo_water_csv(last_day), at));
    if (!water) return std::unexpected(water.error());
    s.water_samples = *water;
    auto plots = add_plots(c, cli, at, bureau, unit_by_name);
    if (!plots) return std::unexpected(plots.error());
    s.plots = *plots;
    auto soil = import_or_fail(import_soil_samples(c, cli, "demo-soil.csv", soil_csv(), at));
    if (!soil) return std::unexpected(soil.error());
    s.soil_samples = *soil;
    const Target t{0, bureau, last_day.year(), "water_attainment", 850, "地表水断面达标率"};
    if (auto ok = create_target(c, cli, t, at); !ok) return std::unexpected(ok.error());
    s.targets = 1;
    return s;
}

}  // namespace ecogov
