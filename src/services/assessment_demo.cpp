// The assessment part of the demo (services/assessment_demo.hpp). The two scheme texts are the
// files schemes/townships.toml and schemes/departments.toml, compiled in by CMake
// (cmake/shipped_schemes.inc.in).
#include "services/assessment_demo.hpp"

#include "assessment/period.hpp"
#include "services/assessment.hpp"

namespace ecogov {

namespace {
#include "shipped_schemes.inc"
}  // namespace

std::string_view demo_township_scheme() {
    return kShippedTownshipScheme;
}

std::string_view demo_department_scheme() {
    return kShippedDepartmentScheme;
}

Result<int> add_assessment_demo(storage::Connection& c, AirQueries& air, const Actor& cli, const std::string& at, Date last_day) {
    auto towns = save_scheme(c, cli, "townships", std::string(demo_township_scheme()), at);
    if (!towns) return std::unexpected(towns.error());
    auto depts = save_scheme(c, cli, "departments", std::string(demo_department_scheme()), at);
    if (!depts) return std::unexpected(depts.error());
    const assessment::Period current{assessment::PeriodKind::month, last_day.year(), last_day.month()};
    // Two values the bureau entered by hand for the last month (complaints, an honour).
    const std::pair<const char*, const char*> manual[] = {{"DF-T05", "complaints"}, {"DF-T02", "honours"}};
    for (const auto& [code, indicator] : manual) {
        const storage::SqlValue p[] = {std::string(code)};
        auto unit = c.query("SELECT id FROM units WHERE code = $1", p);
        if (!unit) return std::unexpected(unit.error());
        if (unit->empty()) continue;
        const std::string value = std::string(indicator) == "complaints" ? "2" : "1";
        auto in = set_manual_input(c, cli, ManualInput{unit->front().integer(0), code, current.previous().label(), indicator, value, "演示数据", "", ""}, at);
        if (!in) return std::unexpected(in.error());
    }
    int runs = 0;
    for (const assessment::Period& p : {current.previous().previous(), current.previous()}) {
        auto run = run_assessment(c, air, cli, towns->id, p.label(), at);
        if (!run) return std::unexpected(run.error());
        ++runs;
    }
    return runs;
}

}  // namespace ecogov
