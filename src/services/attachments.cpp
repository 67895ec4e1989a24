#include "services/attachments.hpp"

#include <sodium.h>

#include <array>

#include "core/file_type.hpp"
#include "core/text.hpp"
#include "services/audit.hpp"

namespace ecogov {
namespace {

constexpr std::size_t kMaxFilenameBytes = 200;
constexpr std::string_view kColumns =
    "id, owner_kind, owner_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at";

Result<void> check_filename(std::string_view name) {
    if (name.empty()) return fail(ErrorCode::invalid_argument, "the file has no name", "filename");
    if (name.size() > kMaxFilenameBytes)
        return fail(ErrorCode::invalid_argument, "the file name is longer than 200 bytes", "filename");
    if (!valid_utf8(name)) return fail(ErrorCode::invalid_argument, "the file name is not UTF-8", "filename");
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F || ch == '/' || ch == '\\')
            return fail(ErrorCode::invalid_argument,
                        "the file name contains a control character or a path separator", "filename");
    }
    if (name == "." || name == "..") return fail(ErrorCode::invalid_argument, "bad file name", "filename");
    return {};
}

std::string to_base64(std::string_view bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(out.size() - 1);  // the terminating NUL
    return out;
}

Result<std::string> from_base64(std::string_view b64) {
    std::string out(b64.size() / 4 * 3 + 3, '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                          b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
        return fail(ErrorCode::internal, "a stored attachment is not valid base64");
    out.resize(len);
    return out;
}

AttachmentMeta meta_of(const storage::Row& r) {
    AttachmentMeta m;
    m.id = r.integer(0);
    m.owner_kind = r.text(1);
    m.owner_id = r.integer(2);
    m.filename = r.text(3);
    m.content_type = r.text(4);
    m.size_bytes = r.integer(5);
    m.sha256 = r.text(6);
    m.uploaded_by = r.opt_integer(7);
    m.uploaded_at = r.text(8);
    return m;
}

}  // namespace

Result<std::string> check_upload(const UploadedFile& file, const AttachmentPolicy& policy) {
    if (auto ok = check_filename(file.filename); !ok) return std::unexpected(ok.error());
    if (file.bytes.empty()) return fail(ErrorCode::invalid_argument, "the file is empty", "file");
    if (file.bytes.size() > policy.max_bytes)
        return fail(ErrorCode::too_large,
                    "the file has " + std::to_string(file.bytes.size()) + " bytes; the limit is " +
                        std::to_string(policy.max_bytes),
                    "file");
    const auto sniffed = sniff_file_type(file.bytes, file.filename);
    if (!sniffed)
        return fail(ErrorCode::unsupported_type,
                    "'" + file.filename +
                        "' is not an accepted file: PDF, PNG, JPEG, .xlsx, .docx, .txt or .csv whose "
                        "content matches its name",
                    "file");
    const std::string declared = file.declared_type;
    if (!declared.empty() && declared.rfind("application/octet-stream", 0) != 0) {
        const auto claimed = file_type_of_mime(declared);
        if (claimed != sniffed)
            return fail(ErrorCode::unsupported_type,
                        "declared as '" + declared + "' but the content is a " +
                            std::string(describe(*sniffed)),
                        "content-type");
    }
    return std::string(mime_type(*sniffed));
}

Result<AttachmentMeta> insert_attachment(storage::Connection& tx, const Actor& who,
                                         std::string_view owner_kind, std::int64_t owner_id,
                                         const UploadedFile& file, const AttachmentPolicy& policy,
                                         const std::string& at_iso) {
    auto type = check_upload(file, policy);
    if (!type) return std::unexpected(type.error());
    AttachmentMeta m;
    m.owner_kind = std::string(owner_kind);
    m.owner_id = owner_id;
    m.filename = file.filename;
    m.content_type = *type;
    m.size_bytes = static_cast<std::int64_t>(file.bytes.size());
    m.sha256 = sha256_hex(file.bytes);
    if (who.user_id != 0) m.uploaded_by = who.user_id;
    m.uploaded_at = at_iso;
    const std::array<storage::SqlValue, 9> params{
        m.owner_kind, m.owner_id,  m.filename, m.content_type, m.size_bytes, m.sha256,
        to_base64(file.bytes),
        m.uploaded_by ? storage::SqlValue{*m.uploaded_by} : storage::SqlValue{nullptr},
        m.uploaded_at};
    auto rows = tx.query(
        "INSERT INTO attachments (owner_kind, owner_id, filename, content_type, size_bytes, sha256, "
        "data_base64, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
        "RETURNING id",
        params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty()) return fail(ErrorCode::internal, "attachment insert returned no id");
    m.id = rows->front().integer(0);
    return m;
}

Result<std::vector<AttachmentMeta>> list_attachments(storage::Connection& c,
                                                     std::string_view owner_kind,
                                                     std::int64_t owner_id) {
    const std::array<storage::SqlValue, 2> params{std::string(owner_kind), owner_id};
    auto rows = c.query("SELECT " + std::string(kColumns) +
                            " FROM attachments WHERE owner_kind = $1 AND owner_id = $2 ORDER BY id",
                        params);
    if (!rows) return std::unexpected(rows.error());
    std::vector<AttachmentMeta> out;
    out.reserve(rows->size());
    for (const auto& r : *rows) out.push_back(meta_of(r));
    return out;
}

Result<AttachmentFile> read_attachment(storage::Connection& c, std::int64_t id) {
    const std::array<storage::SqlValue, 1> params{id};
    auto rows = c.query("SELECT " + std::string(kColumns) +
                            ", data_base64 FROM attachments WHERE id = $1",
                        params);
    if (!rows) return std::unexpected(rows.error());
    if (rows->empty())
        return fail(ErrorCode::not_found, "no attachment " + std::to_string(id), "id");
    auto bytes = from_base64(rows->front().text(9));
    if (!bytes) return std::unexpected(bytes.error());
    return AttachmentFile{meta_of(rows->front()), std::move(*bytes)};
}

std::string attachment_json(const AttachmentMeta& m) {
    std::string out = "{\"id\":" + std::to_string(m.id) + ",\"filename\":";
    append_json_string(out, m.filename);
    out += ",\"content_type\":";
    append_json_string(out, m.content_type);
    out += ",\"size_bytes\":" + std::to_string(m.size_bytes) + ",\"sha256\":\"" + m.sha256 + "\"}";
    return out;
}

}  // namespace ecogov
