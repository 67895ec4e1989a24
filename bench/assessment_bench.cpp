// Scoring speed of the assessment engine (issue 6 acceptance 5; docs/performance.md):
// 500 units × 40 items (all five rule kinds, bonuses, a precondition, a veto, a money rule) over
// the 12 monthly periods of a year, each month ranked against the previous one, plus the JSON.
// No Google Benchmark needed: prints the best wall time of 5 repetitions.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "assessment/engine.hpp"
#include "assessment/scheme_parser.hpp"

using namespace ecogov::assessment;

namespace {

std::string scheme_text() {
    std::string s = "[scheme]\nname = \"bench\"\nunit_kind = \"township\"\nwarn_bottom = 5\n";
    for (int g = 0; g < 5; ++g) {
        s += "[[group]]\nname = \"g" + std::to_string(g) + "\"\nunits = [";
        for (int u = g * 100; u < g * 100 + 100; ++u) s += (u % 100 ? ", \"U" : "\"U") + std::to_string(u) + "\"";
        s += "]\n";
    }
    const char* rules[] = {"rule = \"per_unit\"\ntarget = 35\npoints_per_unit = 0.5\nfloor = 0\n",
                           "rule = \"linear\"\nx0 = 90\ny0 = 0\nx1 = 100\ny1 = 2.5\n", "rule = \"rank\"\npoints_per_rank = 0.05\nmin = 0.5\n",
                           "rule = \"ratio\"\n", "rule = \"pass_fail\"\nop = \"<=\"\nvalue = 50\n"};
    for (int i = 0; i < 40; ++i)
        s += "[[item]]\nid = \"i" + std::to_string(i) + "\"\nindicator = \"x" + std::to_string(i) + "\"\nmax = 2.5\n" + rules[i % 5];
    s += "[[bonus]]\nid = \"b\"\nindicator = \"honours\"\npoints_per_unit = 1\ncap = 2\n";
    s += "[[precondition]]\nid = \"p\"\nindicator = \"x1\"\nop = \"<\"\nvalue = 99\nblocks = \"A\"\n";
    s += "[[veto]]\nid = \"v\"\nindicator = \"x2\"\nop = \">\"\nvalue = 99.9\n";
    s += "[[grade]]\nname = \"A\"\nmin = 90\n[[grade]]\nname = \"B\"\nmin = 70\n[[grade]]\nname = \"C\"\nmin = 0\n";
    s += "[[money]]\nid = \"m\"\nindicator = \"x0\"\nbase = \"mean\"\nreward_per_unit = 1000\n"
         "tiers = [{ from = 0, to = 5, yuan_per_unit = 100000 }, { from = 5, yuan_per_unit = 200000 }]\n";
    return s;
}

}  // namespace

int main() {
    auto scheme = parse_scheme(scheme_text(), "bench.toml");
    if (!scheme) {
        std::fprintf(stderr, "%s\n", scheme.error().message.c_str());
        return 1;
    }
    std::vector<std::vector<UnitInput>> months(12);
    std::uint64_t seed = 12345;
    auto next = [&] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<Fixed>((seed >> 33) % 1'000'000);  // 0..99.9999
    };
    for (auto& m : months)
        for (int u = 0; u < 500; ++u) {
            UnitInput in{"U" + std::to_string(u), "unit " + std::to_string(u), {}};
            for (int i = 0; i < 40; ++i) in.values["x" + std::to_string(i)] = next();
            m.push_back(std::move(in));
        }
    double best = 1e9, best_score = 1e9;
    std::size_t bytes = 0;
    for (int rep = 0; rep < 5; ++rep) {
        const auto s0 = std::chrono::steady_clock::now();
        std::vector<PreviousResult> prev;
        for (int month = 0; month < 12; ++month) {
            const Ranking r = score(*scheme, "2026-" + std::to_string(month + 1), months[month], prev);
            prev.clear();
            for (const UnitResult& u : r.units) prev.push_back(PreviousResult{u.code, u.total, u.rank});
        }
        best_score = std::min(best_score, std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count());
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<PreviousResult> previous;
        bytes = 0;
        for (int month = 0; month < 12; ++month) {
            const Ranking r = score(*scheme, "2026-" + std::to_string(month + 1), months[month], previous);
            bytes += ranking_json(r).size();
            previous.clear();
            for (const UnitResult& u : r.units) previous.push_back(PreviousResult{u.code, u.total, u.rank});
        }
        const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        best = std::min(best, s);
    }
    std::printf("500 units x 40 items x 12 months, scoring: best of 5 = %.3f s\n", best_score);
    std::printf("500 units x 40 items x 12 months, scoring + JSON: best of 5 = %.3f s (JSON %zu bytes per year)\n", best, bytes);
    return 0;
}
