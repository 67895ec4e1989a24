// Soil sample import (services/water_import.hpp, the soil half).
#include <array>
#include <map>

#include "services/sample_import.hpp"
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

class SoilCheck : public sample_batch::Tally {
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

    std::vector<Checked> rows;

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

/// The parameters of kUpsert for one row.
std::array<SqlValue, 13> row_params(const Checked& k, std::int64_t batch_id) {
    std::array<SqlValue, 13> p{k.plot_id, k.row.sample, std::int64_t{k.row.date.days},
                               k.row.ph_text};
    for (std::size_t i = 0; i < kMetalCount; ++i) p[4 + i] = k.row.metal_texts[i];
    p[12] = batch_id;
    return p;
}

}  // namespace

Result<SampleImportReport> import_soil_samples(storage::Connection& c, const Actor& who,
                                               const std::string& source, std::string_view text,
                                               const std::string& at_iso) {
    return sample_batch::import_file<SoilCheck>(c, who, source, text, at_iso,
                                                {"soil", "plots", kSoilCsvHeader, kUpsert},
                                                load_known, row_params);
}

}  // namespace ecogov
