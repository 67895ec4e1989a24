#pragma once
// Attachments (issue 4 item 3, issue 5 item 1): files attached to progress reports, problem
// evidence and other records — one store for every feature.
//
// Contract:
// - A file is checked before it is stored: non-empty, at most `max_bytes` (too_large → 413),
//   a safe file name, and content of an accepted type (core/file_type.hpp) that agrees with the
//   declared MIME type when one is given (unsupported_type → 415).
// - insert_attachment runs inside the caller's open transaction, so the record it belongs to, the
//   file and the caller's audit entry are stored together or not at all. The caller has already
//   checked that the actor may write the owner; the owner is named by (owner_kind, owner_id),
//   e.g. ("task_report", 12) or ("problem_event", 7).
// - Stored files are never changed or deleted; the audit entry records their sha256.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "services/actor.hpp"
#include "storage/database.hpp"

namespace ecogov {

/// Limits applied to every upload.
struct AttachmentPolicy {
    std::size_t max_bytes = 5 * 1024 * 1024;  // below the server body limit (8 MiB) so the
                                              // answer names the file limit
};

/// A file as received: its name, the MIME type the sender declared ("" when none), the bytes.
struct UploadedFile {
    std::string filename;
    std::string declared_type;
    std::string bytes;
};

/// A stored file's description (without its bytes).
struct AttachmentMeta {
    std::int64_t id = 0;
    std::string owner_kind;
    std::int64_t owner_id = 0;
    std::string filename;
    std::string content_type;
    std::int64_t size_bytes = 0;
    std::string sha256;
    std::optional<std::int64_t> uploaded_by;
    std::string uploaded_at;
};

/// A stored file with its bytes.
struct AttachmentFile {
    AttachmentMeta meta;
    std::string bytes;
};

/// Checks `file` against `policy`; returns the MIME type it will be stored and served with.
Result<std::string> check_upload(const UploadedFile& file, const AttachmentPolicy& policy);

/// Checks and stores `file` for (owner_kind, owner_id) on the caller's open transaction `tx`.
Result<AttachmentMeta> insert_attachment(storage::Connection& tx, const Actor& who,
                                         std::string_view owner_kind, std::int64_t owner_id,
                                         const UploadedFile& file, const AttachmentPolicy& policy,
                                         const std::string& at_iso);

/// The files of one owner, oldest first.
Result<std::vector<AttachmentMeta>> list_attachments(storage::Connection& c,
                                                     std::string_view owner_kind,
                                                     std::int64_t owner_id);

/// One stored file with its bytes (not_found when absent).
Result<AttachmentFile> read_attachment(storage::Connection& c, std::int64_t id);

/// A compact JSON object describing `m` (for audit entries and API bodies).
std::string attachment_json(const AttachmentMeta& m);

}  // namespace ecogov
