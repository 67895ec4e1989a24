// SQLite migrations. NEVER EDIT A RELEASED MIGRATION: databases in the field have already applied
// it and will not apply it again. Change the schema by appending version N+1 (and the same number
// in src/storage/postgres/migrations.cpp), then update docs/schema.md.
#include "storage/sqlite/migrations.hpp"

#include <array>

namespace ecogov::storage::sqlite {
namespace {

// Version 1: docs/schema.md (migration 0001). observations is WITHOUT ROWID: its composite primary
// key is the table's only key, so rows live in one B-tree (smaller, ~20 % faster bulk import).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE units (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('bureau', 'township', 'department')),
    parent_id   INTEGER NULL REFERENCES units (id),
    created_at  TEXT
);

CREATE TABLE people (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    name        TEXT NOT NULL,
    post        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    created_at  TEXT
);

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    username             TEXT NOT NULL UNIQUE,
    display_name         TEXT NOT NULL,
    role                 TEXT NOT NULL CHECK (role IN ('admin', 'bureau', 'unit', 'leader')),
    unit_id              INTEGER NOT NULL REFERENCES units (id),
    person_id            INTEGER NULL REFERENCES people (id),
    password_hash        TEXT NOT NULL,
    disabled             INTEGER NOT NULL DEFAULT 0,
    created_at           TEXT,
    password_changed_at  TEXT
);

CREATE TABLE sessions (
    token_hash    TEXT NOT NULL PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users (id),
    csrf_token    TEXT NOT NULL,
    created_ms    INTEGER,
    expires_ms    INTEGER,
    last_seen_ms  INTEGER,
    address       TEXT
);

CREATE TABLE stations (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('national', 'provincial', 'county', 'micro')),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    city        TEXT NOT NULL,
    longitude   REAL NULL,
    latitude    REAL NULL,
    control     INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT
);

CREATE TABLE import_batches (
    id             INTEGER PRIMARY KEY,
    source         TEXT NOT NULL,
    format         TEXT NOT NULL,
    sha256         TEXT NOT NULL,
    user_id        INTEGER NULL REFERENCES users (id),
    started_at     TEXT,
    rows_accepted  INTEGER,
    rows_rejected  INTEGER,
    rows_changed   INTEGER
);

CREATE TABLE observations (
    station_id  INTEGER NOT NULL REFERENCES stations (id),
    label       INTEGER NOT NULL,
    so2         INTEGER NULL,
    no2         INTEGER NULL,
    co          INTEGER NULL,
    o3          INTEGER NULL,
    pm10        INTEGER NULL,
    pm25        INTEGER NULL,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
    PRIMARY KEY (station_id, label)
) WITHOUT ROWID;

CREATE TABLE targets (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    year        INTEGER NOT NULL,
    indicator   TEXT NOT NULL,
    value       INTEGER NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT,
    UNIQUE (unit_id, year, indicator)
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    user_id    INTEGER NULL,
    username   TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before     TEXT NULL,
    after      TEXT NULL,
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);

CREATE INDEX observations_label ON observations (label);
CREATE INDEX users_unit_id ON users (unit_id);
CREATE INDEX people_unit_id ON people (unit_id);
CREATE INDEX stations_unit_id ON stations (unit_id);
CREATE INDEX targets_year ON targets (year);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX sessions_user_id ON sessions (user_id);
)sql";

// Version 2: water and soil (issue 8; docs/schema.md "Migration 0002"). Sample values are kept as
// the text given ("0.52", "ND", "<0.01"): the engines parse them (detection limits stay exact).
constexpr std::string_view kV2 = R"sql(
CREATE TABLE water_sections (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    water_body    TEXT NOT NULL CHECK (water_body IN ('river', 'lake')),
    river         TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER NOT NULL REFERENCES units (id),
    target_class  TEXT NOT NULL CHECK (target_class IN ('I', 'II', 'III', 'IV', 'V')),
    kind          TEXT NOT NULL CHECK (kind IN ('national', 'provincial', 'city', 'county', 'drinking_source')),
    longitude     REAL NULL,
    latitude      REAL NULL,
    created_at    TEXT
);

CREATE TABLE water_samples (
    section_id  INTEGER NOT NULL REFERENCES water_sections (id),
    sampled_on  INTEGER NOT NULL,
    item        TEXT NOT NULL,
    value       TEXT NOT NULL,
    batch_id    INTEGER NOT NULL REFERENCES import_batches (id),
    PRIMARY KEY (section_id, sampled_on, item)
);

CREATE TABLE soil_plots (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    land_use    TEXT NOT NULL CHECK (land_use IN ('paddy', 'other', 'orchard', 'rotation')),
    longitude   REAL NULL,
    latitude    REAL NULL,
    created_at  TEXT
);

CREATE TABLE soil_samples (
    id           INTEGER PRIMARY KEY,
    plot_id      INTEGER NOT NULL REFERENCES soil_plots (id),
    sample_code  TEXT NOT NULL UNIQUE,
    sampled_on   INTEGER NOT NULL,
    ph           TEXT NOT NULL,
    cd           TEXT NOT NULL DEFAULT '',
    hg           TEXT NOT NULL DEFAULT '',
    as_          TEXT NOT NULL DEFAULT '',
    pb           TEXT NOT NULL DEFAULT '',
    cr           TEXT NOT NULL DEFAULT '',
    cu           TEXT NOT NULL DEFAULT '',
    ni           TEXT NOT NULL DEFAULT '',
    zn           TEXT NOT NULL DEFAULT '',
    batch_id     INTEGER NOT NULL REFERENCES import_batches (id)
);

CREATE INDEX water_sections_unit_id ON water_sections (unit_id);
CREATE INDEX water_samples_sampled_on ON water_samples (sampled_on);
CREATE INDEX soil_plots_unit_id ON soil_plots (unit_id);
CREATE INDEX soil_samples_plot_id ON soil_samples (plot_id);
)sql";

// Version 3: files attached to reports, evidence and documents (docs/schema.md migration 0003).
// The bytes are kept base64-encoded in the database so that a backup holds them and both
// backends store them the same way; sha256 is of the raw bytes.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    owner_kind    TEXT NOT NULL,
    owner_id      INTEGER NOT NULL,
    filename      TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    sha256        TEXT NOT NULL,
    data_base64   TEXT NOT NULL,
    uploaded_by   INTEGER NULL REFERENCES users (id),
    uploaded_at   TEXT NOT NULL
);

CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id);
)sql";

// Assessment and ranking (issue 6; docs/schema.md "Assessment"): versioned schemes, manual
// indicator inputs, stored runs (scheme text, inputs and results copied: a run is never changed).
constexpr std::string_view kV4 = R"sql(
CREATE TABLE assessment_schemes (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    name         TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (code, version)
);

CREATE TABLE assessment_inputs (
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    period       TEXT NOT NULL,
    indicator    TEXT NOT NULL,
    value        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    updated_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (unit_id, period, indicator)
);

CREATE TABLE assessment_runs (
    id           INTEGER PRIMARY KEY,
    scheme_id    INTEGER NOT NULL REFERENCES assessment_schemes (id),
    scheme_code  TEXT NOT NULL,
    scheme_body  TEXT NOT NULL,
    period       TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    inputs_json  TEXT NOT NULL,
    results_json TEXT NOT NULL
);

CREATE INDEX assessment_runs_code_period ON assessment_runs (scheme_code, period);
)sql";

// Version 5: problems and cases (issue 5; docs/schema.md migration 0005): configurable kinds and
// sources (seeded), inspection batches, problems with an optimistic version, the append-only event
// history, the responsibility matrix and accountability records.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE problem_kinds (
    id        TEXT NOT NULL PRIMARY KEY,
    name_zh   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    damage    INTEGER NOT NULL DEFAULT 0,
    position  INTEGER NOT NULL
);

CREATE TABLE problem_sources (
    id        TEXT NOT NULL PRIMARY KEY,
    name_zh   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    position  INTEGER NOT NULL
);

CREATE TABLE problem_batches (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    source       TEXT NOT NULL REFERENCES problem_sources (id),
    received_on  INTEGER NOT NULL,
    problems     INTEGER NOT NULL DEFAULT 0,
    imported_by  INTEGER NULL REFERENCES users (id),
    imported_at  TEXT NOT NULL
);

CREATE TABLE problems (
    id                   INTEGER PRIMARY KEY,
    code                 TEXT NOT NULL UNIQUE,
    kind                 TEXT NOT NULL REFERENCES problem_kinds (id),
    source               TEXT NOT NULL REFERENCES problem_sources (id),
    source_reference     TEXT NOT NULL DEFAULT '',
    batch_id             INTEGER NULL REFERENCES problem_batches (id),
    township_unit_id     INTEGER NOT NULL REFERENCES units (id),
    address              TEXT NOT NULL DEFAULT '',
    longitude            REAL NULL,
    latitude             REAL NULL,
    discovered_on        INTEGER NOT NULL,
    description          TEXT NOT NULL,
    severity             TEXT NOT NULL CHECK (severity IN ('general', 'serious')),
    sector               TEXT NOT NULL DEFAULT '',
    responsible_unit_id  INTEGER NOT NULL REFERENCES units (id),
    state                TEXT NOT NULL,
    version              INTEGER NOT NULL DEFAULT 1,
    plan_goal            TEXT NOT NULL DEFAULT '',
    plan_measures        TEXT NOT NULL DEFAULT '[]',
    deadline             INTEGER NULL,
    responsible_person   TEXT NOT NULL DEFAULT '',
    created_by           INTEGER NULL REFERENCES users (id),
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL
);

CREATE TABLE problem_supervisors (
    problem_id  INTEGER NOT NULL REFERENCES problems (id),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (problem_id, unit_id)
);

CREATE TABLE problem_events (
    id           INTEGER PRIMARY KEY,
    problem_id   INTEGER NOT NULL REFERENCES problems (id),
    seq          INTEGER NOT NULL,
    event        TEXT NOT NULL,
    from_state   TEXT NOT NULL,
    to_state     TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    person       TEXT NOT NULL DEFAULT '',
    detail_json  TEXT NOT NULL DEFAULT '{}',
    evidence_ids TEXT NOT NULL DEFAULT '',
    user_id      INTEGER NULL REFERENCES users (id),
    username     TEXT NOT NULL,
    at           TEXT NOT NULL,
    UNIQUE (problem_id, seq)
);

CREATE TABLE responsibility_matrix (
    sector     TEXT NOT NULL,
    sector_zh  TEXT NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES units (id),
    PRIMARY KEY (sector, unit_id)
);

CREATE TABLE accountability_records (
    id                    INTEGER PRIMARY KEY,
    problem_id            INTEGER NOT NULL REFERENCES problems (id),
    township_unit_id      INTEGER NOT NULL REFERENCES units (id),
    party_secretary       TEXT NOT NULL,
    township_head         TEXT NOT NULL,
    supervising_unit_ids  TEXT NOT NULL DEFAULT '[]',
    decision              TEXT NOT NULL,
    decided_on            INTEGER NOT NULL,
    document              TEXT NOT NULL,
    created_by            INTEGER NULL REFERENCES users (id),
    created_at            TEXT NOT NULL
);

CREATE INDEX problems_township ON problems (township_unit_id);
CREATE INDEX problems_responsible ON problems (responsible_unit_id);
CREATE INDEX problems_batch ON problems (batch_id);
CREATE INDEX problem_events_problem ON problem_events (problem_id);
CREATE INDEX accountability_problem ON accountability_records (problem_id);

INSERT INTO problem_kinds (id, name_zh, name_en, damage, position) VALUES
    ('mountain_destruction', '破坏山体', 'Destroying mountains', 1, 1),
    ('illegal_land_occupation', '违法占地', 'Illegal land occupation', 1, 2),
    ('illegal_mining', '私挖滥采', 'Illegal digging and mining', 1, 3),
    ('illegal_villa', '违建别墅', 'Illegal villas', 1, 4),
    ('river_reservoir_enclosure', '围河(库)造地', 'Enclosing rivers or reservoirs', 1, 5),
    ('illegal_discharge', '违规排放', 'Illegal discharge', 1, 6),
    ('forest_destruction', '毁坏森林', 'Destroying forests', 1, 7),
    ('inspection_finding', '督察反馈问题', 'Inspection finding', 0, 8),
    ('outfall', '入河排污口问题', 'Outfall', 0, 9),
    ('four_chaos', '河湖四乱', 'River four-chaos', 0, 10),
    ('complaint', '信访投诉', 'Complaint', 0, 11),
    ('dust', '扬尘污染', 'Dust pollution', 0, 12),
    ('other', '其他', 'Other', 0, 13);

INSERT INTO problem_sources (id, name_zh, name_en, position) VALUES
    ('inspection_batch', '督察反馈', 'Inspection batch', 1),
    ('hotline', '热线投诉', 'Hotline', 2),
    ('patrol', '巡查发现', 'Patrol', 3),
    ('online_monitoring', '在线监测', 'Online monitoring', 4),
    ('media', '媒体曝光', 'Media', 5);
)sql";

// Version 6: HJ 212 online monitoring (issue 7; docs/schema.md "Migration 0006 (hj212)"): registry
// (enterprises, outlets, devices, pollutants, limits), raw frames kept for audit, uploads deduped
// on (device, CN, DataTime, PNO), typed values, exceedances and alarms. data_time columns are the
// device's local wall clock (China time) as seconds since 1970-01-01 00:00 of that clock.
// The two high-volume tables (uploads, values) carry no foreign keys (only the ingest writes them,
// with ids it resolved) and, on SQLite, no rowid: one B-tree insert per row.
constexpr std::string_view kV6 = R"sql(
CREATE TABLE hj212_enterprises (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL CHECK (kind IN ('enterprise', 'construction_site', 'station')),
    unit_id     INTEGER NOT NULL REFERENCES units (id),
    address     TEXT NOT NULL DEFAULT '',
    created_at  TEXT
);

CREATE TABLE hj212_outlets (
    id             INTEGER PRIMARY KEY,
    enterprise_id  INTEGER NOT NULL REFERENCES hj212_enterprises (id),
    code           TEXT NOT NULL,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('gas', 'water', 'dust', 'air')),
    created_at     TEXT,
    UNIQUE (enterprise_id, code)
);

CREATE TABLE hj212_devices (
    id                   INTEGER PRIMARY KEY,
    mn                   TEXT NOT NULL UNIQUE,
    pw                   TEXT NOT NULL,
    st                   TEXT NOT NULL,
    dialect              TEXT NOT NULL CHECK (dialect IN ('2005', '2017', '2025')),
    crc_variant          TEXT NOT NULL CHECK (crc_variant IN ('hj212', 'modbus', 'modbus-swapped')),
    outlet_id            INTEGER NOT NULL REFERENCES hj212_outlets (id),
    expected_interval_s  INTEGER NOT NULL DEFAULT 3600,
    allow_time_set       INTEGER NOT NULL DEFAULT 0,
    last_seen_ms         INTEGER NULL,
    created_at           TEXT
);

CREATE TABLE hj212_device_pollutants (
    device_id  INTEGER NOT NULL REFERENCES hj212_devices (id),
    code       TEXT NOT NULL,
    unit       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, code)
);

CREATE TABLE hj212_limits (
    outlet_id      INTEGER NOT NULL REFERENCES hj212_outlets (id),
    code           TEXT NOT NULL,
    concentration  REAL NULL,
    converted      REAL NULL,
    hourly         REAL NULL,
    daily          REAL NULL,
    PRIMARY KEY (outlet_id, code)
);

CREATE TABLE hj212_frames (
    id           INTEGER PRIMARY KEY,
    received_ms  INTEGER NOT NULL,
    peer         TEXT NOT NULL,
    device_id    INTEGER NULL REFERENCES hj212_devices (id),
    mn           TEXT NOT NULL,
    cn           TEXT NOT NULL,
    data_time    INTEGER NULL,
    crc          TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'quarantined', 'rejected')),
    reason       TEXT NOT NULL DEFAULT '',
    raw          TEXT NOT NULL
);

CREATE TABLE hj212_uploads (
    device_id    INTEGER NOT NULL,
    cn           TEXT NOT NULL,
    data_time    INTEGER NOT NULL,
    pno          INTEGER NOT NULL,
    frame_id     INTEGER NOT NULL,
    received_ms  INTEGER NOT NULL,
    PRIMARY KEY (device_id, cn, data_time, pno)
) WITHOUT ROWID;

CREATE TABLE hj212_values (
    device_id  INTEGER NOT NULL,
    code       TEXT NOT NULL,
    cn         TEXT NOT NULL,
    data_time  INTEGER NOT NULL,
    pno        INTEGER NOT NULL,
    rtd        REAL NULL,
    avg        REAL NULL,
    min        REAL NULL,
    max        REAL NULL,
    cou        REAL NULL,
    zs         REAL NULL,
    flag       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, code, cn, data_time, pno)
) WITHOUT ROWID;

CREATE TABLE hj212_exceedances (
    id            INTEGER PRIMARY KEY,
    device_id     INTEGER NOT NULL REFERENCES hj212_devices (id),
    outlet_id     INTEGER NOT NULL REFERENCES hj212_outlets (id),
    code          TEXT NOT NULL,
    cn            TEXT NOT NULL,
    data_time     INTEGER NOT NULL,
    value         REAL NULL,
    limit_value   REAL NULL,
    flag          TEXT NOT NULL DEFAULT '',
    run_length    INTEGER NOT NULL,
    created_ms    INTEGER NOT NULL,
    UNIQUE (device_id, cn, data_time, code)
);

CREATE TABLE hj212_alarms (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('exceedance', 'outage', 'clock_skew')),
    device_id       INTEGER NOT NULL REFERENCES hj212_devices (id),
    outlet_id       INTEGER NOT NULL REFERENCES hj212_outlets (id),
    code            TEXT NOT NULL DEFAULT '',
    opened_ms       INTEGER NOT NULL,
    closed_ms       INTEGER NULL,
    title           TEXT NOT NULL,
    detail          TEXT NOT NULL DEFAULT '',
    problem_kind    TEXT NOT NULL DEFAULT '',
    problem_status  TEXT NOT NULL DEFAULT '' CHECK (problem_status IN ('', 'pending_link', 'linked')),
    problem_id      INTEGER NULL
);

CREATE INDEX hj212_enterprises_unit_id ON hj212_enterprises (unit_id);
CREATE INDEX hj212_devices_outlet_id ON hj212_devices (outlet_id);
CREATE INDEX hj212_frames_mn ON hj212_frames (mn, received_ms);
CREATE INDEX hj212_exceedances_outlet ON hj212_exceedances (outlet_id, data_time);
CREATE INDEX hj212_alarms_device ON hj212_alarms (device_id, kind, closed_ms);
)sql";

// Version 7: the task ledger (issue 4; docs/schema.md "Migration 0007 (ledger)"): categories (a
// configurable list seeded with the issue's), tasks with a `version` for optimistic locking,
// milestones, progress reports, recorded cards and supervision notices (督办). Days are INTEGER
// days since 1970-01-01 (core/time.hpp Date).
constexpr std::string_view kV7 = R"sql(
CREATE TABLE ledger_categories (
    code        TEXT PRIMARY KEY,
    name_zh     TEXT NOT NULL,
    name_en     TEXT NOT NULL,
    sort_order  INTEGER NOT NULL
);

INSERT INTO ledger_categories (code, name_zh, name_en, sort_order) VALUES
    ('dust_control', '扬尘管控', 'Dust control', 1),
    ('summer_ozone', '夏季臭氧防控', 'Summer ozone', 2),
    ('diesel_trucks', '柴油货车治理', 'Diesel trucks', 3),
    ('emission_control', '排放、油品与禁烧管控', 'Emission, oil and burning control', 4),
    ('river_outfalls', '入河排污口', 'River outfalls', 5),
    ('soil_groundwater', '土壤和地下水', 'Soil and groundwater', 6),
    ('water_saving', '节水', 'Water saving', 7),
    ('industrial_upgrading', '产业升级', 'Industrial upgrading', 8),
    ('energy_transition', '能源转型', 'Energy transition', 9),
    ('ecological_restoration', '生态修复', 'Ecological restoration', 10),
    ('key_project', '重点项目', 'Key project', 11),
    ('other', '其他', 'Other', 12);

CREATE TABLE ledger_tasks (
    id                    INTEGER PRIMARY KEY,
    code                  TEXT NOT NULL UNIQUE,
    title                 TEXT NOT NULL,
    category              TEXT NOT NULL REFERENCES ledger_categories (code),
    content               TEXT NOT NULL DEFAULT '',
    measures              TEXT NOT NULL DEFAULT '',
    lead_unit_id          INTEGER NOT NULL REFERENCES units (id),
    cooperating_unit_ids  TEXT NOT NULL DEFAULT '',
    responsible_leader    TEXT NOT NULL DEFAULT '',
    responsible_person    TEXT NOT NULL DEFAULT '',
    target_id             INTEGER NULL REFERENCES targets (id),
    start_on              INTEGER NOT NULL,
    due_on                INTEGER NOT NULL,
    priority              TEXT NOT NULL,
    source_document       TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL,
    key_project           INTEGER NOT NULL DEFAULT 0,
    investment_planned    REAL NULL,
    investment_completed  REAL NULL,
    physical_progress     INTEGER NULL,
    last_report_on        INTEGER NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

CREATE TABLE ledger_milestones (
    id                    INTEGER PRIMARY KEY,
    task_id               INTEGER NOT NULL REFERENCES ledger_tasks (id),
    seq                   INTEGER NOT NULL,
    due_on                INTEGER NOT NULL,
    deliverable           TEXT NOT NULL,
    responsible_unit_id   INTEGER NOT NULL REFERENCES units (id),
    state                 TEXT NOT NULL CHECK (state IN ('pending', 'done')),
    done_on               INTEGER NULL,
    evidence_report_id    INTEGER NULL,
    evidence              TEXT NOT NULL DEFAULT '',
    UNIQUE (task_id, seq)
);

CREATE TABLE ledger_reports (
    id             INTEGER PRIMARY KEY,
    task_id        INTEGER NOT NULL REFERENCES ledger_tasks (id),
    milestone_id   INTEGER NOT NULL REFERENCES ledger_milestones (id),
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    reported_on    INTEGER NOT NULL,
    percent        INTEGER NOT NULL,
    body           TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned')),
    review_reason  TEXT NOT NULL DEFAULT '',
    reviewed_by    INTEGER NULL REFERENCES users (id),
    reviewed_at    TEXT NULL,
    created_by     INTEGER NULL REFERENCES users (id),
    created_at     TEXT NOT NULL
);

CREATE TABLE ledger_cards (
    id             INTEGER PRIMARY KEY,
    task_id        INTEGER NOT NULL REFERENCES ledger_tasks (id),
    unit_id        INTEGER NOT NULL REFERENCES units (id),
    color          TEXT NOT NULL CHECK (color IN ('yellow', 'red')),
    issued_on      INTEGER NOT NULL,
    milestone_seq  INTEGER NOT NULL DEFAULT 0,
    reason         TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    UNIQUE (task_id, color, issued_on, milestone_seq)
);

CREATE TABLE ledger_notices (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER NULL REFERENCES ledger_tasks (id),
    unit_id      INTEGER NOT NULL REFERENCES units (id),
    level        INTEGER NOT NULL,
    deadline_on  INTEGER NOT NULL,
    body         TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('open', 'answered')),
    answer       TEXT NOT NULL DEFAULT '',
    answered_by  INTEGER NULL REFERENCES users (id),
    answered_at  TEXT NULL,
    issued_by    INTEGER NULL REFERENCES users (id),
    issued_at    TEXT NOT NULL,
    escalated_at TEXT NULL
);

CREATE TABLE ledger_state (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    generation  BIGINT NOT NULL
);

INSERT INTO ledger_state (id, generation) VALUES (1, 1);

CREATE INDEX ledger_tasks_lead_unit ON ledger_tasks (lead_unit_id);
CREATE INDEX ledger_tasks_due ON ledger_tasks (due_on, id);
CREATE INDEX ledger_tasks_category ON ledger_tasks (category, status);
CREATE INDEX ledger_milestones_open ON ledger_milestones (task_id, state, due_on);
CREATE INDEX ledger_milestones_unit ON ledger_milestones (responsible_unit_id, task_id);
CREATE INDEX ledger_milestones_due ON ledger_milestones (state, due_on);
CREATE INDEX ledger_reports_task ON ledger_reports (task_id, id);
CREATE INDEX ledger_reports_pending ON ledger_reports (status);
CREATE INDEX ledger_cards_task ON ledger_cards (task_id);
CREATE INDEX ledger_notices_unit ON ledger_notices (unit_id, status);
)sql";

constexpr std::array kMigrations{
    Migration{1, "initial schema", kV1},
    Migration{2, "water and soil", kV2},
    Migration{3, "attachments", kV3},
    Migration{4, "assessment", kV4},
    Migration{5, "problems and cases", kV5},
    Migration{6, "hj212 online monitoring", kV6},
    Migration{7, "task ledger", kV7},
};

}  // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

}  // namespace ecogov::storage::sqlite
