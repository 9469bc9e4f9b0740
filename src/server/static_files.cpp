#include "server/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/api_router.h"

namespace uncounted::server {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Whether the decoded request path is one we are willing to look up.
bool safe_path(const std::string& path) {
  if (path.empty() || path[0] != '/' || path.size() > 512) return false;
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(start, end - start);
    if (segment == ".." || segment == ".") return false;
    if (!segment.empty() && segment[0] == '.') return false;  // no hidden files
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string content_type_for(const std::string& path) {
  if (ends_with(path, ".html")) return "text/html; charset=utf-8";
  if (ends_with(path, ".js")) return "text/javascript; charset=utf-8";
  if (ends_with(path, ".css")) return "text/css; charset=utf-8";
  if (ends_with(path, ".json")) return "application/json; charset=utf-8";
  if (ends_with(path, ".svg")) return "image/svg+xml";
  if (ends_with(path, ".png")) return "image/png";
  if (ends_with(path, ".woff2")) return "font/woff2";
  if (ends_with(path, ".ico")) return "image/x-icon";
  return "application/octet-stream";
}

void serve_static_file(const std::string& static_dir, const httplib::Request& request,
                       httplib::Response& response) {
  // httplib has decoded %2e%2e and friends by now; check the raw target too
  // for encoded separators, which must never become path segments.
  const std::string& target = request.target;
  if (target.find("%2f") != std::string::npos || target.find("%2F") != std::string::npos ||
      target.find("%5c") != std::string::npos || target.find("%5C") != std::string::npos ||
      target.find("%00") != std::string::npos || !safe_path(request.path)) {
    send_error(response, 400, "invalid path");
    return;
  }
  if (static_dir.empty()) {
    send_error(response, 404, "the front end is not built (run make build)");
    return;
  }
  std::string relative = request.path == "/" ? "/index.html" : request.path;
  std::error_code ec;
  const fs::path root = fs::canonical(static_dir, ec);
  if (ec) {
    send_error(response, 404, "the front end is not built (run make build)");
    return;
  }
  const fs::path file = fs::weakly_canonical(root / relative.substr(1), ec);
  const std::string root_text = root.string() + "/";
  if (ec || file.string().rfind(root_text, 0) != 0 || !fs::is_regular_file(file, ec)) {
    send_error(response, 404, "no such file");
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  // Built assets carry a content hash in their names: cache them; the page
  // itself always fresh.
  response.set_header("Cache-Control", relative.rfind("/assets/", 0) == 0
                                           ? "public, max-age=31536000, immutable"
                                           : "no-cache");
  response.set_content(content.str(), content_type_for(file.string()).c_str());
}

}  // namespace uncounted::server
