#pragma once
// Static files of the built front end (issue 3 item 1): everything outside /api, /healthz and
// /metrics is served from settings.web_root.
//
// Contract:
// - `path` is the decoded request path. A NUL, a backslash, an empty, "." or ".." segment, or a
//   drive-like "x:" segment is refused with 400 (so %2e%2e, %2f and %00 tricks are refused after
//   decoding); a file resolving outside web_root (symbolic link) is 404.
// - An existing regular file is sent with its content type; a path without extension that names
//   no file is a client route → index.html; anything else → 404.
// - Cache: index.html `no-cache`; /assets/* (hashed by Vite) a year, immutable; others an hour.
#include <string>

#include "net/http/router.hpp"

namespace ecogov::http {

Response serve_static(const std::string& web_root, const std::string& path);
/// Content type by extension ("application/octet-stream" when unknown).
std::string content_type_for(const std::string& path);

}  // namespace ecogov::http
