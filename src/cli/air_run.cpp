#include "cli/air_run.hpp"

#include <iostream>

#include "cli/input_file.hpp"
#include "cli/progress.hpp"

namespace ecogov::cli::air {

bool read_inputs(RunContext& ctx, RecordSink& sink) {
    Progress progress(ctx.options.quiet);
    const auto& files = ctx.options.inputs;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string& path = files[i];
        ctx.log.set_file(path);
        std::optional<InputFormat> format;
        if (ctx.options.format == "auto") {
            auto first = read_first_line(path);
            if (!first) {
                std::cerr << path << ": " << first.error().message << '\n';
                return false;
            }
            format = detect_format(*first);
            if (!format) {
                std::cerr << path
                          << ":1: unrecognised header; expected a china_sites, CNEMC or PRSA file "
                          << "(or give --format)\n";
                return false;
            }
        } else {
            format = parse_format_id(ctx.options.format);
        }
        auto reader = make_reader(*format, sink);
        progress.set_file(path, static_cast<int>(i + 1), static_cast<int>(files.size()));
        auto read = read_file_chunks(
            path,
            [&](std::string_view chunk) {
                if (!reader->stopped()) reader->feed(chunk);
            },
            [&](std::uint64_t done, std::uint64_t total) { progress.update(done, total); });
        progress.done();
        if (!read) {
            std::cerr << path << ": " << read.error().message << '\n';
            return false;
        }
        reader->finish();
        ctx.log.end_file();
        if (reader->stopped()) return false;
    }
    return true;
}

Result<std::vector<StationInfo>> load_station_list(const std::string& path) {
    std::string text;
    auto r = read_file_chunks(path, [&](std::string_view chunk) { text.append(chunk); });
    if (!r) return std::unexpected(r.error());
    auto list = parse_station_list(text);
    if (!list)
        return fail(list.error().code, list.error().message, path + ":" + list.error().field);
    return list;
}

int finish_run(RunContext& ctx, Output& out) {
    if (auto c = out.commit(); !c) {
        std::cerr << c.error().field << ": " << c.error().message << '\n';
        return 2;
    }
    ctx.log.summary();
    return ctx.log.clean() ? 0 : 1;
}

}  // namespace ecogov::cli::air
