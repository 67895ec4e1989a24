// HJ 212 ingest (services/hj212_ingest.hpp).
#include "services/hj212_ingest.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "hj212/encoder.hpp"
#include "hj212/message.hpp"

namespace ecogov {

namespace {

using storage::Row;
using storage::SqlValue;

struct LimitInfo {
    std::string code;
    std::optional<double> concentration, converted, hourly, daily;
};

struct DeviceInfo {
    std::int64_t id = 0;
    std::string pw, st;
    hj212::CrcVariant crc = hj212::CrcVariant::hj212;
    std::int64_t outlet_id = 0;
    std::int64_t unit_id = 0;
    std::string outlet_name, outlet_kind, enterprise_name;
    bool allow_time_set = false;
    std::vector<LimitInfo> limits;
};

/// Text columns must be valid UTF-8 without NUL (PostgreSQL): other bytes become '?'.
std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n > 0 && c != 0 && i + n <= s.size();
        for (std::size_t k = 1; ok && k < n; ++k)
            ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
        if (ok) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            out.push_back('?');
            ++i;
        }
    }
    return out;
}

SqlValue opt(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? SqlValue(*v) : SqlValue(nullptr);
}

bool is_aggregate(std::string_view cn) { return cn == "2051" || cn == "2061" || cn == "2031"; }

std::string fmt_value(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

std::string_view hj212_status_name(Hj212Status s) noexcept {
    switch (s) {
        case Hj212Status::stored: return "stored";
        case Hj212Status::duplicate: return "duplicate";
        case Hj212Status::quarantined: return "quarantined";
        case Hj212Status::rejected: return "rejected";
    }
    return "rejected";
}

struct Hj212Ingestor::State {
    storage::Database* db;  // null: only the connection overloads may be used
    const Clock& clock;
    Hj212IngestSettings settings;
    ProblemOpener& opener;
    std::mutex mutex;
    std::unordered_map<std::string, DeviceInfo> devices;
    std::int64_t loaded_ms = -1;
    bool stale = true;
    bool cache_sized = false;
    std::map<std::pair<std::int64_t, std::string>, int> runs;           // (device, code) → run
    std::set<std::pair<std::int64_t, std::string>> open_exceedances;    // (device, code)
    std::set<std::int64_t> open_outages;                                // device ids
    std::map<std::int64_t, std::int64_t> last_time_set_ms;              // device → when 1012 sent

    State(storage::Database* d, const Clock& c, Hj212IngestSettings s, ProblemOpener& o)
        : db(d), clock(c), settings(s), opener(o) {}

    std::int64_t now_ms() const { return unix_ms(clock.now()); }

    Result<void> reload(storage::Connection& c) {
        auto rows = c.query(
            "SELECT d.id, d.mn, d.pw, d.st, d.crc_variant, d.outlet_id, e.unit_id, o.name, o.kind, "
            "e.name, d.allow_time_set FROM hj212_devices d JOIN hj212_outlets o ON o.id = d.outlet_id "
            "JOIN hj212_enterprises e ON e.id = o.enterprise_id");
        if (!rows) return std::unexpected(rows.error());
        std::unordered_map<std::string, DeviceInfo> fresh;
        std::map<std::int64_t, std::vector<DeviceInfo*>> by_outlet;
        for (const Row& r : *rows) {
            DeviceInfo d;
            d.id = r.integer(0);
            d.pw = r.text(2);
            d.st = r.text(3);
            d.crc = hj212::crc_variant_from_name(r.text(4)).value_or(hj212::CrcVariant::hj212);
            d.outlet_id = r.integer(5);
            d.unit_id = r.integer(6);
            d.outlet_name = r.text(7);
            d.outlet_kind = r.text(8);
            d.enterprise_name = r.text(9);
            d.allow_time_set = r.integer(10) != 0;
            fresh[r.text(1)] = std::move(d);
        }
        for (auto& [mn, d] : fresh) by_outlet[d.outlet_id].push_back(&d);
        auto limits = c.query("SELECT outlet_id, code, concentration, converted, hourly, daily FROM hj212_limits");
        if (!limits) return std::unexpected(limits.error());
        for (const Row& r : *limits) {
            auto it = by_outlet.find(r.integer(0));
            if (it == by_outlet.end()) continue;
            for (DeviceInfo* d : it->second)
                d->limits.push_back({r.text(1), r.opt_real(2), r.opt_real(3), r.opt_real(4), r.opt_real(5)});
        }
        auto open = c.query("SELECT device_id, kind, code FROM hj212_alarms WHERE closed_ms IS NULL");
        if (!open) return std::unexpected(open.error());
        open_outages.clear();
        open_exceedances.clear();
        for (const Row& r : *open) {
            if (r.text(1) == "outage") open_outages.insert(r.integer(0));
            if (r.text(1) == "exceedance") open_exceedances.insert({r.integer(0), r.text(2)});
        }
        devices = std::move(fresh);
        loaded_ms = now_ms();
        stale = false;
        return {};
    }
};

Hj212Ingestor::Hj212Ingestor(storage::Database& db, const Clock& clock, Hj212IngestSettings settings,
                             ProblemOpener& opener)
    : s_(std::make_unique<State>(&db, clock, settings, opener)) {}

Hj212Ingestor::Hj212Ingestor(const Clock& clock, Hj212IngestSettings settings, ProblemOpener& opener)
    : s_(std::make_unique<State>(nullptr, clock, settings, opener)) {}

Hj212Ingestor::~Hj212Ingestor() = default;

void Hj212Ingestor::invalidate_registry() {
    std::lock_guard lock(s_->mutex);
    s_->stale = true;
}

namespace {

/// One batch inside one open transaction.
class BatchWriter {
public:
    BatchWriter(storage::Connection& c, Hj212Ingestor::State& s) : c_(c), s_(s) {}

    Result<void> prepare() {
        auto f = c_.prepare(
            "INSERT INTO hj212_frames (received_ms, peer, device_id, mn, cn, data_time, crc, status, "
            "reason, raw) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id");
        if (!f) return std::unexpected(f.error());
        frame_ = std::move(*f);
        auto u = c_.prepare(
            "INSERT INTO hj212_uploads (device_id, cn, data_time, pno, frame_id, received_ms) "
            "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (device_id, cn, data_time, pno) DO NOTHING");
        if (!u) return std::unexpected(u.error());
        upload_ = std::move(*u);
        auto v = c_.prepare(
            "INSERT INTO hj212_values (device_id, cn, data_time, pno, code, rtd, avg, min, max, cou, zs, "
            "flag) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "
            "ON CONFLICT (device_id, code, cn, data_time, pno) DO NOTHING");
        if (!v) return std::unexpected(v.error());
        value_ = std::move(*v);
        return {};
    }

    Result<Hj212Outcome> store(const Hj212Incoming& in, bool retry_registry) {
        Hj212Outcome out;
        const std::string_view raw = in.raw;
        const std::string_view segment =
            raw.size() >= 10 ? raw.substr(6, raw.size() - 10) : std::string_view{};
        if (!hj212::parse_segment_into(segment, m_, error_)) {
            out.reason = error_;
            if (auto r = insert_frame(in, nullptr, "", std::nullopt, out); !r) return std::unexpected(r.error());
            return out;
        }
        auto it = s_.devices.find(std::string(m_.mn));
        if (it == s_.devices.end() && retry_registry && s_.now_ms() - s_.loaded_ms >= 1000) {
            if (auto r = s_.reload(c_); !r) return std::unexpected(r.error());
            it = s_.devices.find(std::string(m_.mn));
        }
        std::optional<std::int64_t> dt;
        if (m_.data_time) dt = m_.data_time->seconds;
        if (it == s_.devices.end()) {
            out.status = Hj212Status::quarantined;
            out.reason = "unknown MN";
            if (auto r = insert_frame(in, nullptr, m_.cn, dt, out); !r) return std::unexpected(r.error());
            return out;
        }
        const DeviceInfo& d = it->second;
        if (m_.pw != d.pw) {
            out.status = Hj212Status::quarantined;
            out.reason = "wrong PW";
            if (auto r = insert_frame(in, &d, m_.cn, dt, out); !r) return std::unexpected(r.error());
            return out;
        }
        if (!hj212::crc_accepted(in.crc, d.crc)) {
            out.status = Hj212Status::rejected;
            out.reason = "CRC " + std::string(hj212::crc_variant_name(in.crc)) + " not accepted from this device";
            if (auto r = insert_frame(in, &d, m_.cn, dt, out); !r) return std::unexpected(r.error());
            return out;
        }
        seen_.insert(d.id);
        out.status = Hj212Status::stored;
        auto frame_id = insert_frame(in, &d, m_.cn, dt, out);
        if (!frame_id) return std::unexpected(frame_id.error());
        if (dt) {
            const std::int64_t pno = m_.pno.value_or(0);
            const SqlValue up[] = {d.id, std::string(m_.cn), *dt, pno, *frame_id, in.received_ms};
            auto changed = upload_->run(up);
            if (!changed) return std::unexpected(changed.error());
            if (*changed == 0) {
                out.status = Hj212Status::duplicate;
                const SqlValue p[] = {*frame_id};
                auto r = c_.execute("UPDATE hj212_frames SET status = 'duplicate' WHERE id = $1", p);
                if (!r) return std::unexpected(r.error());
            } else {
                if (auto r = insert_values(d, *dt, pno); !r) return std::unexpected(r.error());
                if (is_aggregate(m_.cn))
                    if (auto r = evaluate_limits(d, *dt); !r) return std::unexpected(r.error());
            }
        }
        if (m_.cn == "1013") {  // the device asks for its clock to be set: 9013, then 1012 when allowed
            out.reply = hj212::notification_reply(m_, d.crc);
            if (d.allow_time_set) {
                const std::int64_t local_now = in.received_ms / 1000 + s_.settings.utc_offset_s;
                out.reply += hj212::time_set(d.st, d.pw, m_.mn,
                                             hj212::LocalTime{local_now, static_cast<int>(in.received_ms % 1000)}, d.crc);
            }
            return out;
        }
        if (m_.ack_requested()) out.reply = hj212::data_reply(m_, d.crc);
        if (auto r = check_clock(d, in, out); !r) return std::unexpected(r.error());
        return out;
    }

    Result<void> finish(std::int64_t now_ms) {
        if (auto r = write_values(); !r) return std::unexpected(r.error());
        for (std::int64_t id : seen_) {
            const SqlValue p[] = {now_ms, id};
            if (auto r = c_.execute("UPDATE hj212_devices SET last_seen_ms = $1 WHERE id = $2", p); !r)
                return std::unexpected(r.error());
            if (s_.open_outages.count(id)) {
                auto r = c_.execute(
                    "UPDATE hj212_alarms SET closed_ms = $1 WHERE device_id = $2 AND kind = 'outage' "
                    "AND closed_ms IS NULL",
                    p);
                if (!r) return std::unexpected(r.error());
                s_.open_outages.erase(id);
            }
        }
        return {};
    }

private:
    Result<std::int64_t> insert_frame(const Hj212Incoming& in, const DeviceInfo* d, std::string_view cn,
                                      std::optional<std::int64_t> dt, const Hj212Outcome& out) {
        const SqlValue p[] = {in.received_ms,
                              clean_text(in.peer),
                              d ? SqlValue(d->id) : SqlValue(nullptr),
                              clean_text(m_.mn),
                              clean_text(cn),
                              dt ? SqlValue(*dt) : SqlValue(nullptr),
                              std::string(hj212::crc_variant_name(in.crc)),
                              std::string(hj212_status_name(out.status)),
                              clean_text(out.reason),
                              clean_text(in.raw)};
        auto rows = frame_->query(p);
        if (!rows) return std::unexpected(rows.error());
        return rows->at(0).integer(0);
    }

    /// Values are collected and written in key order at the end of the batch (B-tree locality).
    Result<void> insert_values(const DeviceInfo& d, std::int64_t dt, std::int64_t pno) {
        for (const auto& p : m_.pollutants) {
            ValueRow v{d.id, clean_text(p.code), std::string(m_.cn), dt, pno, p.rtd, p.avg, p.min, p.max, p.cou,
                       p.zs_avg ? p.zs_avg : p.zs_rtd, p.flag};
            values_.push_back(std::move(v));
        }
        return {};
    }

    Result<void> write_values() {
        std::sort(values_.begin(), values_.end(), [](const ValueRow& a, const ValueRow& b) {
            return std::tie(a.device_id, a.code, a.cn, a.data_time, a.pno) <
                   std::tie(b.device_id, b.code, b.cn, b.data_time, b.pno);
        });
        for (auto& x : values_) {
            const SqlValue v[] = {x.device_id, std::move(x.cn), x.data_time, x.pno, std::move(x.code),
                                  opt(x.rtd),  opt(x.avg),      opt(x.min),  opt(x.max), opt(x.cou),
                                  opt(x.zs),   x.flag ? std::string(1, x.flag) : std::string()};
            if (auto r = value_->run(v); !r) return std::unexpected(r.error());
        }
        values_.clear();
        return {};
    }

    Result<void> evaluate_limits(const DeviceInfo& d, std::int64_t dt) {
        for (const auto& p : m_.pollutants) {
            const LimitInfo* lim = nullptr;
            for (const auto& l : d.limits)
                if (l.code == p.code) lim = &l;
            const bool flagged_t = p.flag == 'T';
            if (!lim && !flagged_t) continue;
            std::optional<double> limit;
            if (lim) {
                limit = lim->concentration;
                if (m_.cn == "2061" && lim->hourly) limit = lim->hourly;
                if (m_.cn == "2031" && lim->daily) limit = lim->daily;
            }
            const std::optional<double> value = p.avg ? p.avg : p.rtd;
            bool exceeded = flagged_t || (limit && value && *value > *limit);
            std::optional<double> shown_limit = limit;
            std::optional<double> shown_value = value;
            if (!exceeded && lim && lim->converted && (p.zs_avg || p.zs_rtd)) {
                const double zs = p.zs_avg ? *p.zs_avg : *p.zs_rtd;
                if (zs > *lim->converted) {
                    exceeded = true;
                    shown_limit = lim->converted;
                    shown_value = zs;
                }
            }
            const std::pair<std::int64_t, std::string> key{d.id, std::string(p.code)};
            if (!exceeded) {
                s_.runs.erase(key);
                if (s_.open_exceedances.erase(key)) {
                    const SqlValue q[] = {s_.now_ms(), d.id, key.second};
                    auto r = c_.execute(
                        "UPDATE hj212_alarms SET closed_ms = $1 WHERE device_id = $2 AND kind = "
                        "'exceedance' AND code = $3 AND closed_ms IS NULL",
                        q);
                    if (!r) return std::unexpected(r.error());
                }
                continue;
            }
            const int run = ++s_.runs[key];
            const SqlValue e[] = {d.id, d.outlet_id, key.second, std::string(m_.cn), dt, opt(shown_value),
                                  opt(shown_limit), p.flag ? std::string(1, p.flag) : std::string(),
                                  std::int64_t{run}, s_.now_ms()};
            auto r = c_.execute(
                "INSERT INTO hj212_exceedances (device_id, outlet_id, code, cn, data_time, value, "
                "limit_value, flag, run_length, created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
                "$10) ON CONFLICT (device_id, cn, data_time, code) DO NOTHING",
                e);
            if (!r) return std::unexpected(r.error());
            if (run >= s_.settings.exceedance_run && !s_.open_exceedances.count(key))
                if (auto a = open_exceedance_alarm(d, key.second, run, shown_value, shown_limit, dt); !a)
                    return std::unexpected(a.error());
        }
        return {};
    }

    Result<void> open_exceedance_alarm(const DeviceInfo& d, const std::string& code, int run,
                                       std::optional<double> value, std::optional<double> limit,
                                       std::int64_t dt) {
        const bool dust = d.outlet_kind == "dust";
        const std::string kind = dust ? "扬尘" : "违规排放";
        const std::string title = d.enterprise_name + " " + d.outlet_name + " " + code + " 连续 " +
                                  std::to_string(run) + " 次超标";
        std::string detail = "CN " + std::string(m_.cn) + " DataTime " +
                             hj212::format_local_time(hj212::LocalTime{dt, 0});
        if (value) detail += " value " + fmt_value(*value);
        if (limit) detail += " limit " + fmt_value(*limit);
        const SqlValue a[] = {d.id, d.outlet_id, code, s_.now_ms(), title, detail, kind};
        auto id = c_.query(
            "INSERT INTO hj212_alarms (kind, device_id, outlet_id, code, opened_ms, title, detail, "
            "problem_kind, problem_status) VALUES ('exceedance', $1, $2, $3, $4, $5, $6, $7, "
            "'pending_link') RETURNING id",
            a);
        if (!id) return std::unexpected(id.error());
        const std::int64_t alarm_id = id->at(0).integer(0);
        s_.open_exceedances.insert({d.id, code});
        ProblemRequest req{kind, d.unit_id, title, detail, "online monitoring", alarm_id};
        auto problem = s_.opener.open_problem(c_, req);
        if (!problem) return std::unexpected(problem.error());
        if (*problem) {
            const SqlValue l[] = {**problem, alarm_id};
            auto r = c_.execute(
                "UPDATE hj212_alarms SET problem_id = $1, problem_status = 'linked' WHERE id = $2", l);
            if (!r) return std::unexpected(r.error());
        }
        return {};
    }

    Result<void> check_clock(const DeviceInfo& d, const Hj212Incoming& in, Hj212Outcome& out) {
        if (m_.cn != "2011" || !m_.data_time) return {};
        const std::int64_t now_ms = in.received_ms;
        const std::int64_t local_now = now_ms / 1000 + s_.settings.utc_offset_s;
        const std::int64_t skew = m_.data_time->seconds - local_now;
        if (std::llabs(skew) <= s_.settings.clock_skew_s) return {};
        auto last = s_.last_time_set_ms.find(d.id);
        if (last != s_.last_time_set_ms.end() && now_ms - last->second < 3600 * 1000) return {};
        s_.last_time_set_ms[d.id] = now_ms;
        const std::string detail = "device clock off by " + std::to_string(skew) + " s; " +
                                   (d.allow_time_set ? "1012 sent" : "time setting not allowed");
        const SqlValue a[] = {d.id, d.outlet_id, now_ms, std::string("时钟偏差 clock skew"), detail};
        auto r = c_.execute(
            "INSERT INTO hj212_alarms (kind, device_id, outlet_id, code, opened_ms, closed_ms, title, "
            "detail) VALUES ('clock_skew', $1, $2, '', $3, $3, $4, $5)",
            a);
        if (!r) return std::unexpected(r.error());
        if (d.allow_time_set)
            out.reply += hj212::time_set(d.st, d.pw, m_.mn,
                                         hj212::LocalTime{local_now, static_cast<int>(now_ms % 1000)}, d.crc);
        return {};
    }

    storage::Connection& c_;
    Hj212Ingestor::State& s_;
    std::unique_ptr<storage::Statement> frame_, upload_, value_;
    struct ValueRow {
        std::int64_t device_id;
        std::string code, cn;
        std::int64_t data_time, pno;
        std::optional<double> rtd, avg, min, max, cou, zs;
        char flag;
    };

    hj212::Message m_;
    std::string error_;
    std::set<std::int64_t> seen_;
    std::vector<ValueRow> values_;
};

}  // namespace

Result<std::vector<Hj212Outcome>> Hj212Ingestor::store_batch(std::span<const Hj212Incoming> frames) {
    if (!s_->db) return fail(ErrorCode::internal, "hj212 ingest has no database");
    auto lease = s_->db->acquire();
    return store_batch(*lease, frames);
}

Result<std::vector<Hj212Outcome>> Hj212Ingestor::store_batch(storage::Connection& c,
                                                             std::span<const Hj212Incoming> frames) {
    std::lock_guard lock(s_->mutex);
    // A larger page cache for the ingest's B-trees (SQLite's default is 2 MiB).
    if (c.backend() == storage::Backend::sqlite && !s_->cache_sized)
        s_->cache_sized = c.execute("PRAGMA cache_size = -65536").has_value();
    if (s_->stale || s_->now_ms() - s_->loaded_ms >= s_->settings.reload_ms)
        if (auto r = s_->reload(c); !r) return std::unexpected(r.error());
    auto attempt = [&](std::span<const Hj212Incoming> part) -> Result<std::vector<Hj212Outcome>> {
        auto tx = storage::Transaction::begin(c);
        if (!tx) return std::unexpected(tx.error());
        BatchWriter w(c, *s_);
        if (auto p = w.prepare(); !p) return std::unexpected(p.error());
        std::vector<Hj212Outcome> out;
        out.reserve(part.size());
        for (const auto& f : part) {
            auto o = w.store(f, true);
            if (!o) return std::unexpected(o.error());
            out.push_back(std::move(*o));
        }
        if (auto r = w.finish(s_->now_ms()); !r) return std::unexpected(r.error());
        if (auto k = tx->commit(); !k) return std::unexpected(k.error());
        return out;
    };
    // A rolled-back attempt may have changed the in-memory alarm state (an exceedance alarm
    // marked open whose row, and problem, were rolled back): reload it from the store.
    auto attempt_or_reload = [&](std::span<const Hj212Incoming> part) -> Result<std::vector<Hj212Outcome>> {
        if (s_->stale)
            if (auto r = s_->reload(c); !r) return std::unexpected(r.error());
        auto r = attempt(part);
        if (!r) s_->stale = true;
        return r;
    };
    auto all = attempt_or_reload(frames);
    if (all || frames.size() == 1) return all;
    std::vector<Hj212Outcome> out;
    out.reserve(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i) {
        auto one = attempt_or_reload(frames.subspan(i, 1));
        if (one) {
            out.push_back(std::move(one->front()));
        } else {
            Hj212Outcome failed;
            failed.reason = "storage error: " + one.error().message;
            out.push_back(std::move(failed));
        }
    }
    return out;
}

Result<int> Hj212Ingestor::check_outages() {
    if (!s_->db) return fail(ErrorCode::internal, "hj212 ingest has no database");
    auto lease = s_->db->acquire();
    return check_outages(*lease);
}

Result<int> Hj212Ingestor::check_outages(storage::Connection& c) {
    std::lock_guard lock(s_->mutex);
    const std::int64_t now = s_->now_ms();
    const SqlValue p[] = {now, s_->settings.outage_factor};
    auto rows = c.query(
        "SELECT d.id, d.outlet_id, d.mn, d.last_seen_ms, d.expected_interval_s, o.name, e.name "
        "FROM hj212_devices d JOIN hj212_outlets o ON o.id = d.outlet_id "
        "JOIN hj212_enterprises e ON e.id = o.enterprise_id "
        "WHERE d.last_seen_ms IS NOT NULL AND d.last_seen_ms < $1 - $2 * d.expected_interval_s * 1000 "
        "AND NOT EXISTS (SELECT 1 FROM hj212_alarms a WHERE a.device_id = d.id AND a.kind = 'outage' "
        "AND a.closed_ms IS NULL)",
        p);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return 0;
    auto tx = storage::Transaction::begin(c);
    if (!tx) return std::unexpected(tx.error());
    for (const Row& r : *rows) {
        const std::int64_t silent_s = (now - r.integer(3)) / 1000;
        const std::string title = r.text(6) + " " + r.text(5) + " 设备 " + r.text(2) + " 断线";
        const std::string detail = "silent for " + std::to_string(silent_s) + " s (expected every " +
                                   std::to_string(r.integer(4)) + " s)";
        const SqlValue a[] = {r.integer(0), r.integer(1), now, title, detail};
        auto ins = c.execute(
            "INSERT INTO hj212_alarms (kind, device_id, outlet_id, code, opened_ms, title, detail) "
            "VALUES ('outage', $1, $2, '', $3, $4, $5)",
            a);
        if (!ins) return std::unexpected(ins.error());
    }
    if (auto k = tx->commit(); !k) return std::unexpected(k.error());
    for (const Row& r : *rows) s_->open_outages.insert(r.integer(0));
    return static_cast<int>(rows->size());
}

}  // namespace ecogov
