#include "cli/air_evaluate.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "cli/air_daily.hpp"
#include "core/decimal.hpp"
#include "services/air_rows.hpp"

namespace ecogov::cli::air {

namespace {

std::optional<std::pair<Pollutant, std::string>> parse_pair(std::string_view item) {
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    const std::string_view key = item.substr(0, eq);
    for (Pollutant p : kAllPollutants)
        if (key == column_of(p) || key == name_of(p))
            return std::make_pair(p, std::string(item.substr(eq + 1)));
    return std::nullopt;
}

/// "pm25=3,no2=2" → values scaled by `decimals` into `target`.
Result<void> parse_index_values(const std::string& text, const std::string& option, bool co_scaled,
                                int decimals, auto& target) {
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const auto comma = text.find(',', start);
        const std::string item =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        auto pair = parse_pair(item);
        if (!pair)
            return fail(ErrorCode::invalid_argument,
                        "expected POLLUTANT=NUMBER, got '" + item + "'", option);
        const int d = co_scaled && pair->first == Pollutant::co ? decimals + 1 : decimals;
        const ParsedCell cell = parse_rounded(pair->second, d);
        if (cell.status != CellStatus::value || cell.scaled <= 0)
            return fail(ErrorCode::invalid_argument,
                        "'" + pair->second + "' is not a positive number", option);
        target[static_cast<std::size_t>(index_of(pair->first))] =
            static_cast<std::remove_reference_t<decltype(target[0])>>(cell.scaled);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return {};
}

}  // namespace

Result<EvaluationConfig> evaluation_config(const AirOptions& o) {
    EvaluationConfig config;
    if (auto r = parse_index_values(o.index_weights, "--index-weights", false, 2,
                                    config.composite.weight_centi);
        !r)
        return std::unexpected(r.error());
    if (auto r =
            parse_index_values(o.index_limits, "--index-limits", true, 0, config.composite.limit);
        !r)
        return std::unexpected(r.error());
    return config;
}

int run_evaluate(RunContext& ctx, Output& out, const PeriodSpec& spec,
                 const EvaluationConfig& config) {
    auto series = daily_series(ctx);
    if (!series) return 2;
    const auto rows = evaluate(*series, spec, config);
    std::string& buf = out.buffer();
    if (out.is_json())
        buf += "[";
    else
        evaluation_csv_header(buf);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out.is_json()) {
            buf += i ? ",\n" : "\n";
            evaluation_json_object(buf, rows[i]);
        } else {
            evaluation_csv_row(buf, rows[i]);
        }
        out.maybe_flush();
    }
    if (out.is_json()) buf += rows.empty() ? "]\n" : "\n]\n";
    return finish_run(ctx, out);
}

}  // namespace ecogov::cli::air
