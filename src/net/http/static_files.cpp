#include "net/http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace ecogov::http {

namespace fs = std::filesystem;

namespace {

/// The relative path under web_root, or an error response when the path is refused.
std::optional<std::string> safe_relative(const std::string& path) {
    if (path.empty() || path.front() != '/') return std::nullopt;
    if (path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
        return std::nullopt;
    std::string rel = path.substr(1);
    std::size_t start = 0;
    while (start <= rel.size()) {
        const auto slash = rel.find('/', start);
        const auto end = slash == std::string::npos ? rel.size() : slash;
        const std::string seg = rel.substr(start, end - start);
        const bool last = slash == std::string::npos;
        if ((seg.empty() && !(last && start == rel.size())) || seg == "." || seg == ".." ||
            seg.find(':') != std::string::npos)
            return std::nullopt;
        if (last) break;
        start = slash + 1;
    }
    return rel;
}

bool inside(const fs::path& root, const fs::path& file) {
    std::error_code ec;
    const fs::path r = fs::weakly_canonical(root, ec);
    const fs::path f = fs::weakly_canonical(file, ec);
    if (ec) return false;
    auto ri = r.begin();
    auto fi = f.begin();
    for (; ri != r.end(); ++ri, ++fi) {
        if (fi == f.end() || *ri != *fi) return false;
    }
    return true;
}

Response file_response(const fs::path& file, const std::string& cache) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return error_response(404, "not_found", "no such file");
    std::ostringstream ss;
    ss << in.rdbuf();
    Response r;
    r.content_type = content_type_for(file.filename().string());
    r.body = std::move(ss).str();
    r.headers.emplace_back("Cache-Control", cache);
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    return r;
}

std::string cache_for(const std::string& rel) {
    if (rel.rfind("assets/", 0) == 0) return "public, max-age=31536000, immutable";
    return "public, max-age=3600";
}

}  // namespace

std::string content_type_for(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".map", "application/json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".ico", "image/x-icon"},
        {".woff", "font/woff"},
        {".woff2", "font/woff2"},
        {".ttf", "font/ttf"},
        {".txt", "text/plain; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".wasm", "application/wasm"},
        {".webmanifest", "application/manifest+json"},
    };
    for (const auto& [e, t] : kTypes) {
        if (ext == e) return t;
    }
    return "application/octet-stream";
}

Response serve_static(const std::string& web_root, const std::string& path) {
    const auto rel = safe_relative(path);
    if (!rel) return error_response(400, "invalid_argument", "the path is not allowed", "path");
    if (web_root.empty()) return error_response(404, "not_found", "no web front end is configured");
    const fs::path root(web_root);
    const fs::path file = rel->empty() ? root / "index.html" : root / *rel;
    std::error_code ec;
    if (fs::is_regular_file(file, ec)) {
        if (!inside(root, file)) return error_response(404, "not_found", "no such file");
        const bool index = file.filename() == "index.html";
        return file_response(file, index ? "no-cache" : cache_for(*rel));
    }
    if (!fs::path(*rel).has_extension() || rel->empty()) {
        const fs::path index = root / "index.html";
        if (fs::is_regular_file(index, ec)) return file_response(index, "no-cache");
    }
    return error_response(404, "not_found", "no such file");
}

}  // namespace ecogov::http
