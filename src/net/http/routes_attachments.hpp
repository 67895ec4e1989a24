#pragma once
// Attachments over HTTP (docs/api.md "Attachments"): how a feature's upload route reads a file
// from a request, how a stored file is described in JSON, and the one download route.
//
// Upload convention (used by every route that accepts a file): the request body is the file's raw
// bytes, `Content-Type` its MIME type, and the query parameter `filename` its name (UTF-8,
// percent-encoded). Limits and type checks: services/attachments.hpp (413, 415 with a message).
#include <boost/json/object.hpp>

#include "net/http/app_context.hpp"
#include "net/http/router.hpp"
#include "services/attachments.hpp"

namespace ecogov::http {

/// The file carried by `req` (name from ?filename=, type from Content-Type, bytes = body).
UploadedFile uploaded_file(const Request& req);

/// {"id","filename","content_type","size_bytes","sha256","uploaded_at","url"}.
boost::json::object attachment_object(const AttachmentMeta& m);

/// GET /api/v1/attachments/{id}: the stored bytes (any signed-in reader).
void register_attachment_routes(Router& router, AppContext& ctx);

}  // namespace ecogov::http
