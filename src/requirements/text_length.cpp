// Kind "text_length": a written deliverable of one type (a case, a report) is among the records
// and its length in 字 is at least a minimum ("不少于1500字") or at most a maximum and not empty
// ("不超过1500字"). 字 are counted by nxkx::count_zi with the method the pack names; every
// finding names the method and gives both counts.
#include <algorithm>

#include "nxkx/text.hpp"
#include "requirements/params.hpp"
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct text_length_params {
  std::string text_type;
  std::optional<std::int64_t> min_zi;
  std::optional<std::int64_t> max_zi;
  std::string method;
};

using tlp = text_length_params;
constexpr param<tlp> text_length_desc[] = {
    {"text_type", &tlp::text_type, "a code of `text_type.*`: the texts of this type are judged",
     true},
    {"min_zi", &tlp::min_zi, "at least this many 字 (exactly one of min_zi, max_zi)", false, 1},
    {"max_zi", &tlp::max_zi, "at most this many 字, and not empty", false, 1},
    {"method", &tlp::method, "how 字 are counted: `word_processor` or `non_space`", true},
};

class text_length final : public requirement {
 public:
  text_length(const json& params, const std::string& path, const notice_data& n) : n_(n) {
    const tlp p = read_params<tlp>(params, path, text_length_desc);
    type_ = p.text_type;
    if (!n.label("text_type." + type_))
      pack_fail(child(path, "text_type"), "unknown text_type \"" + type_ + "\"",
                "pack.unknown_code");
    if (p.min_zi.has_value() == p.max_zi.has_value())
      pack_fail(path, "a text rule needs exactly one of min_zi, max_zi");
    min_ = p.min_zi;
    max_ = p.max_zi;
    const std::string& m = p.method;
    auto method = from_code<count_method>(m);
    if (!method)
      pack_fail(child(path, "method"),
                "unknown count method \"" + m + "\"; expected " + code_list<count_method>(),
                "pack.unknown_code");
    method_ = *method;
    other_ = method_ == count_method::word_processor ? count_method::non_space
                                                     : count_method::word_processor;
    for (count_method c : {method_, other_}) {
      std::string key = "count_method." + std::string(to_code(c));
      if (!n.label(key))
        pack_fail(child(path, "method"), "the vocabulary has no label \"" + key + "\"",
                  "pack.missing");
    }
    if (!n.label("unit.zi"))
      pack_fail(path, "the vocabulary has no unit \"unit.zi\"", "pack.missing");
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& texts = ctx.app.records.texts;
    // The text of this type nearest to the bar: the longest for a minimum; for a maximum the
    // shortest of those too long, else an empty one.
    std::optional<std::size_t> nearest;
    std::optional<zi_count> nearest_count;
    std::string bad_utf8;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (texts[i].type != type_) continue;
      zi_count c;
      try {
        c = count_zi(texts[i].content);
      } catch (const input_error& e) {
        if (!nearest) {
          nearest = i;
          bad_utf8 = e.reason();
        }
        continue;
      }
      const std::int64_t n = value(c, method_);
      if (min_ ? n >= *min_ : (n >= 1 && n <= *max_)) return true;
      bool closer = !nearest_count;
      if (nearest_count) {
        const std::int64_t best = value(*nearest_count, method_);
        if (min_)
          closer = n > best;
        else
          closer = (n > *max_ && (best == 0 || n < best));
      }
      if (closer) {
        nearest = i;
        nearest_count = c;
      }
    }
    violation v;
    localized kind = n_.label_or_code("text_type", type_);
    const localized method = n_.label_or_code("count_method", to_code(method_));
    v.vars.emplace_back("type", kind);
    v.vars.emplace_back("min", min_ ? quantity(n_, *min_, "zi") : both(""));
    v.vars.emplace_back("max", max_ ? quantity(n_, *max_, "zi") : both(""));
    v.vars.emplace_back("method", method);
    if (!nearest) {
      v.path = "/records/texts";
      v.message = "missing";
      v.found = {"未提交", "none submitted"};
      v.vars.emplace_back("title", both(""));
      out.push_back(std::move(v));
      return true;
    }
    const text_document& t = texts[*nearest];
    v.path = "/records/texts/" + std::to_string(*nearest);
    const localized title = t.title.empty()
                                ? localized{"", ""}
                                : localized{"《" + t.title + "》", " “" + t.title + "”"};
    v.vars.emplace_back("title", title);
    if (!nearest_count) {
      v.message = "bad_text";
      v.found = {"不是有效的 UTF-8 文本（" + bad_utf8 + "）", "not valid UTF-8 (" + bad_utf8 + ")"};
      out.push_back(std::move(v));
      return true;
    }
    const std::int64_t n = value(*nearest_count, method_);
    if (n == 0) v.message = "empty";
    const localized count = quantity(n_, n, "zi");
    const localized other = quantity(n_, value(*nearest_count, other_), "zi");
    const localized other_method = n_.label_or_code("count_method", to_code(other_));
    // "1432 字（Word 字数统计口径；按不计空格字符口径为 1498 字）": the rule's method named, and
    // the other count beside it.
    v.found = {
        count.zh + "（" + method.zh + "；按" + other_method.zh + "为 " + other.zh + "）",
        count.en + " by the " + method.en + " (" + other.en + " by the " + other_method.en + ")"};
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"type", "min", "max", "method", "title"};
  }

  std::vector<std::string> message_names() const override {
    return {"missing", "empty", "bad_text"};
  }

 private:
  static std::int64_t value(const zi_count& c, count_method m) {
    return static_cast<std::int64_t>(m == count_method::word_processor ? c.word_processor
                                                                       : c.non_space);
  }

  const notice_data& n_;
  std::string type_;
  std::optional<std::int64_t> min_;
  std::optional<std::int64_t> max_;
  count_method method_ = count_method::word_processor;
  count_method other_ = count_method::non_space;
};

}  // namespace

std::unique_ptr<requirement> make_text_length(const json& params, const std::string& path,
                                              const notice_data& n) {
  return std::make_unique<text_length>(params, path, n);
}

std::vector<param_info> text_length_params() { return describe<tlp>(text_length_desc); }

}  // namespace nxkx::detail
