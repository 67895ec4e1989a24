// Soil sample import (services/water_import.hpp, the soil half).
#include <map>

#include "services/water_csv.hpp"
#include "services/water_import.hpp"

namespace ecogov {

namespace {

using storage::SqlValue;

constexpr std::string_view kUpsert =
    "INSERT INTO soil_samples (plot_id, sample_code, sampled_on, ph, cd, hg, as_, pb, cr, cu, ni, "
    "zn, batch_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
    "ON CONFLICT (sample_code) DO UPDATE SET sampled_on = excluded.sampled_on, ph = excluded.ph, "
    "cd = excluded.cd, "
    "hg = excluded.hg, as_ = excluded.as_, pb = excluded.pb, cr = excluded.cr, cu = excluded.cu, "
    "ni = excluded.ni, "
    "zn = excluded.zn, batch_id = excluded.batch_id "
    "WHERE soil_samples.sampled_on <> excluded.sampled_on OR soil_samples.ph <> excluded.ph "
    "OR soil_samples.cd <> excluded.cd OR soil_samples.hg <> excluded.hg OR soil_samples.as_ <> "
    "excluded.as_ "
    "OR soil_samples.pb <> excluded.pb OR soil_samples.cr <> excluded.cr OR soil_samples.cu <> "
    "excluded.cu "
    "OR soil_samples.ni <> excluded.ni OR soil_samples.zn <> excluded.zn";

struct PlotRef {
    std::int64_t id = 0;
    std::int64_t unit_id = 0;
};

struct Checked {
    std::int64_t plot_id;
    SoilCsvRow row;
};

struct Known {
    std::map<std::string, PlotRef> plots;             // code → plot
    std::map<std::string, std::string> sample_plots;  // stored sample code → plot code
};

class SoilCheck {
  public:
    SoilCheck(const Actor& who, Known known) : who_(who), known_(std::move(known)) {}

    void line(int number, std::string_view text) {
        auto row = parse_soil_line(number, text);
        if (!row) return error(row.error());
        const auto it = known_.plots.find(row->plot);
        if (it == known_.plots.end())
            return error({number, 1, "plot", "unknown plot " + row->plot});
        if (who_.role == Role::unit && it->second.unit_id != who_.unit_id) {
            ++foreign;
            return error({number, 1, "plot", "plot " + row->plot + " belongs to another unit"});
        }
        ++own;
        const auto stored = known_.sample_plots.find(row->sample);
        if (stored != known_.sample_plots.end() && stored->second != row->plot)
            return error({number, 2, "sample",
                          "sample " + row->sample + " belongs to plot " + stored->second});
        const auto [seen, fresh] = lines_.emplace(row->sample, number);
        if (!fresh)
            return error(
                {number, 2, "sample", "duplicate of line " + std::to_string(seen->second)});
        rows.push_back(Checked{it->second.id, std::move(*row)});
    }
    void error(const CsvIssue& i) {
        sample_batch::add_error(report, i.line, i.column, i.field, i.message);
    }

    SampleImportReport report;
    std::vector<Checked> rows;
    std::int64_t own = 0;
    std::int64_t foreign = 0;

  private:
    const Actor& who_;
    Known known_;
    std::map<std::string, int> lines_;
};

Result<Known> load_known(storage::Connection& c) {
    Known k;
    auto plots = c.query("SELECT code, id, unit_id FROM soil_plots");
    if (!plots) return std::unexpected(plots.error());
    for (const auto& r : *plots) k.plots.emplace(r.text(0), PlotRef{r.integer(1), r.integer(2)});
    auto samples = c.query(
        "SELECT s.sample_code, p.code FROM soil_samples s JOIN soil_plots p ON p.id = s.plot_id");
    if (!samples) return std::unexpected(samples.error());
    for (const auto& r : *samples) k.sample_plots.emplace(r.text(0), r.text(1));
    return k;
}

Result<void> store(storage::Connection& c, const std::vector<Checked>& rows,
                   SampleImportReport& r) {
    auto st = c.prepare(kUpsert);
    if (!st) return std::unexpected(st.error());
    for (const Checked& k : rows) {
        std::array<SqlValue, 13> p{k.plot_id, k.row.sample, std::int64_t{k.row.date.days},
                                   k.row.ph_text};
        for (std::size_t i = 0; i < kMetalCount; ++i) p[4 + i] = k.row.metal_texts[i];
        p[12] = r.batch_id;
        auto n = (*st)->run(p);
        if (!n) return std::unexpected(n.error());
        ++r.accepted;
        r.changed += *n;
    }
    return {};
}

}  // namespace

Result<SampleImportReport> import_soil_samples(storage::Connection& c, const Actor& who,
                                               const std::string& source, std::string_view text,
                                               const std::string& at_iso) {
    if (who.role == Role::leader) return fail(ErrorCode::forbidden, "a leader may not import data");
    auto known = load_known(c);
    if (!known) return std::unexpected(known.error());
    SoilCheck check(who, std::move(*known));
    const auto header = for_each_csv_line(text, kSoilCsvHeader,
                                          [&](int n, std::string_view l) { check.line(n, l); });
    if (header) check.error(*header);
    if (!header && check.report.error_count == 0 && check.rows.empty())
        check.error({1, 1, "body", "the file has no data lines"});
    if (who.role == Role::unit && check.own == 0 && check.foreign > 0)
        return fail(ErrorCode::forbidden, "none of the plots in this file belongs to your unit");
    if (check.report.error_count > 0) return std::move(check.report);
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    auto batch = sample_batch::open(c, who, source, at_iso);
    if (!batch) return std::unexpected(batch.error());
    check.report.batch_id = *batch;
    if (auto ok = store(c, check.rows, check.report); !ok) return std::unexpected(ok.error());
    if (auto ok = sample_batch::close(c, who, source, "soil", text, check.report, at_iso); !ok)
        return std::unexpected(ok.error());
    if (auto done = tx->commit(); !done) return std::unexpected(done.error());
    return std::move(check.report);
}

}  // namespace ecogov
