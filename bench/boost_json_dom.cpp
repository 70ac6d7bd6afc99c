// boost::json::parse into a DOM, and Boost.JSON's definitions (boost/json/src.hpp: included in
// exactly one translation unit of a program).
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/src.hpp>
#include <boost/json/value.hpp>

#include "boost_json_tokens.hpp"

namespace nxkx_probe {
namespace {

namespace bj = boost::json;

std::size_t count_values(const bj::value& v) {
  std::size_t n = 1;
  if (const bj::object* o = v.if_object())
    for (const auto& kv : *o) n += count_values(kv.value());
  else if (const bj::array* a = v.if_array())
    for (const auto& e : *a) n += count_values(e);
  return n;
}

result dom_with(std::string_view text, std::size_t max_depth, bj::storage_ptr sp) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  bj::parse_options opt;
  opt.max_depth = max_depth;
  bj::error_code ec;
  const bj::value v = bj::parse(bj::string_view(text.data(), text.size()), ec, std::move(sp), opt);
  result r;
  if (ec) {
    r.error = ec.message();
    return r;
  }
  r.ok = true;
  r.values = count_values(v);
  return r;
}

}  // namespace

result dom_parse(std::string_view text, std::size_t max_depth) {
  return dom_with(text, max_depth, {});
}

result dom_parse_monotonic(std::string_view text, std::size_t max_depth) {
  static thread_local unsigned char buffer[64 * 1024];
  bj::monotonic_resource mr(buffer, sizeof buffer);
  return dom_with(text, max_depth, &mr);
}

}  // namespace nxkx_probe
