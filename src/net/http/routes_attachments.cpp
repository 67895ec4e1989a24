#include "net/http/routes_attachments.hpp"

#include <cctype>
#include <charconv>

#include "net/http/routes_common.hpp"

namespace ecogov::http {
namespace {

// RFC 6266 / RFC 5987: an ASCII fallback name and the UTF-8 name percent-encoded.
std::string content_disposition(const std::string& filename) {
    std::string ascii;
    std::string encoded;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char ch : filename) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = std::isalnum(c) || ch == '.' || ch == '-' || ch == '_';
        ascii += (c < 0x80 && c >= 0x20 && ch != '"' && ch != '\\') ? ch : '_';
        if (plain) {
            encoded += ch;
        } else {
            encoded += '%';
            encoded += kHex[c >> 4];
            encoded += kHex[c & 0xF];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace

UploadedFile uploaded_file(const Request& req) {
    return UploadedFile{req.param("filename").value_or(""), req.header("content-type"), req.body};
}

boost::json::object attachment_object(const AttachmentMeta& m) {
    return boost::json::object{{"id", m.id},
                               {"filename", m.filename},
                               {"content_type", m.content_type},
                               {"size_bytes", m.size_bytes},
                               {"sha256", m.sha256},
                               {"uploaded_at", m.uploaded_at},
                               {"url", "/api/v1/attachments/" + std::to_string(m.id)}};
}

void register_attachment_routes(Router& router, AppContext& ctx) {
    router.add("GET", "/api/v1/attachments/{id}", Access::read, "Download an attached file",
               [&ctx](Request& req) {
                   const std::string& raw = req.path_params["id"];
                   std::int64_t id = 0;
                   const auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), id);
                   if (ec != std::errc{} || end != raw.data() + raw.size())
                       return error_response(400, "invalid_argument", "id must be an integer", "id");
                   auto lease = ctx.db.acquire();
                   auto file = read_attachment(*lease, id);
                   if (!file) return error_response(file.error());
                   Response r;
                   r.content_type = file->meta.content_type;
                   r.body = std::move(file->bytes);
                   r.headers.emplace_back("Content-Disposition",
                                          content_disposition(file->meta.filename));
                   r.headers.emplace_back("X-Content-Type-Options", "nosniff");
                   return r;
               });
}

}  // namespace ecogov::http
