#include "cli/generate_command.hpp"

#include <unistd.h>
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "simulation/air_generator.hpp"

namespace ecogov::cli {

namespace {

constexpr std::string_view kCommand = "ecogov air generate";

struct GenerateOptions {
    int stations = 0;
    int year = 0;
    std::string from;
    std::string to;
    std::uint64_t seed = 1;
    std::string layout = "full";
    std::string city = "登封市";
    std::string prefix = "DF";
    std::string output;
    std::string stations_output;
    bool quiet = false;
};

[[noreturn]] void usage_error(const std::string& message) {
    std::fprintf(stderr, "%s: %s\n", kCommand.data(), message.c_str());
    throw CLI::RuntimeError(2);
}

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// A text file written through a 1 MiB buffer, gzip-compressed when its name ends in ".gz", first
// under "<path>.part" and renamed on commit(); "-" is stdout (never compressed).
class TextFile {
  public:
    explicit TextFile(std::string path) : path_(std::move(path)) {}
    TextFile(const TextFile&) = delete;
    TextFile& operator=(const TextFile&) = delete;
    ~TextFile() { abandon(); }

    /// Opens the file; on failure returns a message.
    std::string open() {
        if (path_ == "-") {
            plain_ = stdout;
            return {};
        }
        part_ = path_ + ".part";
        if (ends_with(path_, ".gz")) {
            gz_ = gzopen(part_.c_str(), "wb6");
            if (gz_ == nullptr) return "cannot create " + part_;
            gzbuffer(gz_, 1u << 18);
        } else {
            plain_ = std::fopen(part_.c_str(), "wb");
            if (plain_ == nullptr) return "cannot create " + part_;
        }
        return {};
    }

    void write(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= (1u << 20)) flush();
    }

    /// Flushes, closes and renames; on failure returns a message and removes the partial file.
    std::string commit() {
        flush();
        bool ok = !failed_;
        if (gz_ != nullptr) {
            ok = gzclose(gz_) == Z_OK && ok;
            gz_ = nullptr;
        } else if (plain_ == stdout) {
            ok = std::fflush(stdout) == 0 && ok;
            plain_ = nullptr;
            return ok ? std::string() : "cannot write to stdout";
        } else if (plain_ != nullptr) {
            ok = std::fclose(plain_) == 0 && ok;
            plain_ = nullptr;
        }
        if (!ok) {
            std::remove(part_.c_str());
            return "cannot write " + path_ + " (disk full?)";
        }
        if (std::rename(part_.c_str(), path_.c_str()) != 0) {
            std::remove(part_.c_str());
            return "cannot rename " + part_ + " to " + path_;
        }
        return {};
    }

  private:
    void flush() {
        if (buffer_.empty() || failed_) {
            buffer_.clear();
            return;
        }
        if (gz_ != nullptr) {
            const int n = gzwrite(gz_, buffer_.data(), static_cast<unsigned>(buffer_.size()));
            failed_ = n != static_cast<int>(buffer_.size());
        } else if (plain_ != nullptr) {
            failed_ = std::fwrite(buffer_.data(), 1, buffer_.size(), plain_) != buffer_.size();
        }
        buffer_.clear();
    }

    void abandon() noexcept {
        const bool had_part = gz_ != nullptr || (plain_ != nullptr && plain_ != stdout);
        if (gz_ != nullptr) gzclose(gz_);
        if (plain_ != nullptr && plain_ != stdout) std::fclose(plain_);
        if (had_part) std::remove(part_.c_str());
        gz_ = nullptr;
        plain_ = nullptr;
    }

    std::string path_;
    std::string part_;
    std::FILE* plain_ = nullptr;
    gzFile gz_ = nullptr;
    std::string buffer_;
    bool failed_ = false;
};

Date parse_date_option(const std::string& text, const char* option) {
    const auto d = Date::parse(text);
    if (!d)
        usage_error(std::string(option) + ": '" + text +
                    "' is not a date (YYYY-MM-DD or YYYYMMDD)");
    return *d;
}

AirGeneratorConfig build_config(const GenerateOptions& o) {
    AirGeneratorConfig config;
    config.stations = o.stations;
    config.seed = o.seed;
    config.city = o.city;
    config.code_prefix = o.prefix;
    const auto layout = parse_layout_id(o.layout);
    if (!layout) usage_error("--layout: '" + o.layout + "' is not hourly or full");
    config.layout = *layout;
    if (o.from.empty() != o.to.empty()) usage_error("--from and --to go together");
    if (!o.from.empty()) {
        config.days =
            DateRange{parse_date_option(o.from, "--from"), parse_date_option(o.to, "--to")};
    } else if (o.year != 0) {
        if (o.year < 1971 || o.year > 9998) usage_error("--year: must lie in 1971..9998");
        config.days = DateRange{Date::from_ymd(o.year, 1, 1), Date::from_ymd(o.year, 12, 31)};
    } else {
        usage_error("give --year Y or --from D --to D");
    }
    if (auto ok = validate(config); !ok)
        usage_error((ok.error().field.empty() ? "" : ok.error().field + ": ") + ok.error().message);
    return config;
}

void run_generate(const GenerateOptions& o) {
    const AirGeneratorConfig config = build_config(o);
    if (o.output == o.stations_output)
        usage_error("--output and --stations-output name the same file");
    const bool show = !o.quiet && isatty(STDERR_FILENO) != 0;

    // Both files are complete before either is renamed into place.
    TextFile out(o.output);
    if (auto e = out.open(); !e.empty()) usage_error(e);
    std::unique_ptr<TextFile> stations;
    if (!o.stations_output.empty()) {
        stations = std::make_unique<TextFile>(o.stations_output);
        if (auto e = stations->open(); !e.empty()) usage_error(e);
        write_stations_csv(make_stations(config), [&](std::string_view t) { stations->write(t); });
    }

    auto last_draw = std::chrono::steady_clock::now();
    bool drawn = false;
    std::uint64_t written = 0;
    const ProgressFn progress = [&](int done, int total) {
        if (!show) return;
        const auto now = std::chrono::steady_clock::now();
        if (drawn && done < total && now - last_draw < std::chrono::milliseconds(200)) return;
        last_draw = now;
        drawn = true;
        std::fprintf(stderr, "\r\033[Kgenerating %s  day %d/%d  %.1f MB", o.output.c_str(), done,
                     total, static_cast<double>(written) / 1e6);
        std::fflush(stderr);
    };
    const auto summary = generate_air(
        config,
        [&](std::string_view t) {
            written += t.size();
            out.write(t);
        },
        progress);
    if (drawn) std::fprintf(stderr, "\r\033[K");
    if (!summary) usage_error(summary.error().message);
    if (stations)
        if (auto e = stations->commit(); !e.empty()) usage_error(e);
    if (auto e = out.commit(); !e.empty()) usage_error(e);
    if (show) {
        const double missing = summary->cells == 0
                                   ? 0.0
                                   : 100.0 * static_cast<double>(summary->missing_cells) /
                                         static_cast<double>(summary->cells);
        std::fprintf(stderr,
                     "wrote %s: %d stations, %d days, %llu rows, %.1f MB of CSV, %.2f %% missing\n",
                     o.output.c_str(), config.stations, config.days.day_count(),
                     static_cast<unsigned long long>(summary->rows),
                     static_cast<double>(summary->bytes) / 1e6, missing);
    }
}

}  // namespace

void add_air_generate(CLI::App& air) {
    auto o = std::make_shared<GenerateOptions>();
    auto* gen = air.add_subcommand(
        "generate", "write a synthetic hourly air-quality file (china_sites layout)");
    gen->add_option("--stations", o->stations, "number of stations (1..20000)")->required();
    gen->add_option("--year", o->year, "calendar year to generate");
    gen->add_option("--from", o->from, "first day (YYYY-MM-DD), with --to; overrides --year");
    gen->add_option("--to", o->to, "last day (YYYY-MM-DD), with --from");
    gen->add_option("--seed", o->seed, "random seed (same seed, same file)")->capture_default_str();
    gen->add_option("--layout", o->layout, "hourly (six 1-hour types) or full (all 15 types)")
        ->capture_default_str();
    gen->add_option("--city", o->city, "city name for the station list")->capture_default_str();
    gen->add_option("--prefix", o->prefix, "station code prefix")->capture_default_str();
    gen->add_option("--output", o->output, "data file (.csv or .csv.gz, - for stdout)")->required();
    gen->add_option("--stations-output", o->stations_output,
                    "station list: code,name,city,longitude,latitude,control");
    gen->add_flag("--quiet", o->quiet, "no progress on stderr");
    gen->callback([o] { run_generate(*o); });
}

}  // namespace ecogov::cli
