// Kind "unique_in_batch" (三(一) 同一项目不得重复申报): judged across a batch. Key
// "applicant_per_project_type": one applicant (by credit code), one application per project
// type. Key "title": the same normalised title under another project type or applicant.
// The first application in batch order stands; later ones carry the finding.
#include <utf8.h>

#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

bool is_ignorable(char32_t c) {
  if (c < 0x80)
    return !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
  return (c >= 0x2000 && c <= 0x206F)     // general punctuation, spaces
         || (c >= 0x3000 && c <= 0x303F)  // CJK symbols and punctuation
         || (c >= 0xFE30 && c <= 0xFE4F)  // CJK compatibility forms
         || c == 0x00A0 || c == 0x00B7 || c == 0xFEFF;
}

/// Title as people would see it: no white space or punctuation, full width folded to half
/// width, ASCII letters in lower case. Input is valid UTF-8 (the parser checked it).
std::string normalise_title(std::string_view title) {
  std::string out;
  out.reserve(title.size());
  auto it = title.begin();
  while (it != title.end()) {
    char32_t c = utf8::unchecked::next(it);
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII forms
    if (is_ignorable(c)) continue;
    if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
    utf8::unchecked::append(static_cast<std::uint32_t>(c), std::back_inserter(out));
  }
  return out;
}

class unique_in_batch final : public batch_requirement {
 public:
  unique_in_batch(const json& params, const std::string& path) {
    std::string key = text_at(params, "key", path);
    if (key == "title")
      by_title_ = true;
    else if (key != "applicant_per_project_type")
      pack_fail(child(path, "key"),
                "unknown key \"" + key + "\"; expected applicant_per_project_type or title");
  }

  std::optional<std::string> key(const application& a) const override {
    if (by_title_) {
      std::string t = normalise_title(a.title);
      if (t.empty()) return std::nullopt;
      return t;
    }
    return applicant_key(a.lead) + '\x1f' + a.project_type;
  }

  std::optional<std::string> owner(const application& a) const override {
    // The same applicant and type is the other key's finding. A project type is a code of the
    // notice (no \x1f), so applicant and type are told apart in the joined text.
    if (!by_title_) return std::nullopt;
    return applicant_key(a.lead) + '\x1f' + a.project_type;
  }

  violation describe(const seen& first, const application& later) const override {
    violation v;
    v.path = by_title_ ? "/title" : "/applicant/credit_code";
    v.found = both(by_title_ ? later.title : applicant_key(later.lead));
    v.vars.emplace_back("earlier", both(std::to_string(first.index + 1)));
    return v;
  }

  std::vector<std::string_view> variables() const override { return {"earlier"}; }

 private:
  bool by_title_ = false;
};

}  // namespace

std::unique_ptr<requirement> make_unique_in_batch(const json& params, const std::string& path,
                                                  const notice_data&) {
  return std::make_unique<unique_in_batch>(params, path);
}

}  // namespace nxkx::detail
