// Kind "unique_in_batch" (三(一) 同一项目不得重复申报): judged across a batch.
//
// Key "applicant_per_project_type": one applicant (by credit code, else by name), one
// application per project type. The applications of one key are ordered by their submission
// date (the courier dispatch date, or the hand-in date; an undated one comes first), then by
// input order: the latest stands and each earlier one is superseded by it (the rule's outcome,
// needs review: a person confirms which stands).
//
// Key "title": the same normalised title under another project type or applicant: each
// application with the title of an earlier one (in input order) of another owner is flagged,
// naming that first one and quoting its title.
//
// Key "applicant" with "max" N: one applicant (as above) applies for at most N projects across
// the project types: the first N project types of its applications, in input order, stand, and
// every application of a further type is flagged, naming the first application of each type
// that stands. Several applications of one type count once (that is the other key's finding).
#include "requirements/params.hpp"
#include "requirements/records_support.hpp"
#include "requirements/requirement.hpp"
#include "utf8.hpp"

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
  for (std::size_t i = 0; i < title.size();) {
    const utf8_sequence q = utf8_decode(title, i);
    const std::size_t n = q.size ? q.size : 1;
    char32_t c = q.cp;
    const bool full_width = c >= 0xFF01 && c <= 0xFF5E;  // full-width ASCII forms
    if (full_width) c -= 0xFEE0;
    if (!is_ignorable(c)) {
      if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
      if (c < 0x80)
        out += static_cast<char>(c);  // ASCII, or a full-width form folded to it
      else
        out.append(title, i, n);  // any other character as written
    }
    i += n;
  }
  return out;
}

/// "2025-05-14 提交" / "submitted on 2025-05-14", or that there is no date.
localized date_phrase(const std::optional<date>& d) {
  if (!d) return {"未填提交日期", "no submission date"};
  const std::string s = format_date(*d);
  return {s + " 提交", "submitted on " + s};
}

struct unique_in_batch_params {
  std::string key;
  std::optional<std::int64_t> max;
};

using ubp = unique_in_batch_params;
constexpr param<ubp> unique_in_batch_desc[] = {
    {"key", &ubp::key, "`applicant_per_project_type`, `title` or `applicant` (with `max`)", true},
    {"max", &ubp::max,
     "with the key `applicant` (required there, refused with the others): "
     "how many project types one applicant may apply for",
     false, 1},
};

class unique_in_batch final : public batch_requirement {
 public:
  unique_in_batch(const json& params, const std::string& path, const notice_data& n) : n_(n) {
    const ubp p = read_params<ubp>(params, path, unique_in_batch_desc);
    const std::string& key = p.key;
    if (params.contains("max") && key != "applicant")
      pack_fail(child(path, "max"), "\"max\" is a param of the key \"applicant\" only",
                "pack.unknown_field");
    if (key == "title") {
      by_title_ = true;
    } else if (key == "applicant") {
      if (!params.contains("max"))
        pack_fail(child(path, "max"),
                  "the key \"applicant\" needs \"max\": how many project types one applicant "
                  "may apply for (an integer of at least 1)",
                  "pack.missing");
      if (!p.max)
        pack_fail(child(path, "max"), "expected an integer of at least 1");  // "max": null
      max_ = static_cast<std::size_t>(*p.max);
    } else if (key != "applicant_per_project_type") {
      pack_fail(child(path, "key"), "unknown key \"" + key +
                                        "\"; expected applicant_per_project_type, applicant "
                                        "(with max) or title");
    }
  }

  std::size_t limit() const noexcept override { return max_; }

  std::optional<std::string> key(const application& a) const override {
    if (max_ > 0) {
      if ((!a.applicant.credit_code || a.applicant.credit_code->empty()) &&
          a.applicant.name.empty())
        return std::nullopt;
      return applicant_key(a.applicant);
    }
    if (by_title_) {
      std::string t = normalise_title(a.title);
      if (t.empty()) return std::nullopt;
      return t;
    }
    // Without a credit code or a name nothing tells who applied: no key.
    if ((!a.applicant.credit_code || a.applicant.credit_code->empty()) && a.applicant.name.empty())
      return std::nullopt;
    return applicant_key(a.applicant) + '\x1f' + a.project_type;
  }

  std::optional<std::string> owner(const application& a) const override {
    // The same applicant and type is the other key's finding. A project type is a code of the
    // notice (no \x1f), so applicant and type are told apart in the joined text.
    if (max_ > 0) return a.project_type;  // a limit counts project types
    if (!by_title_) return std::nullopt;
    return applicant_key(a.applicant) + '\x1f' + a.project_type;
  }

  bool supersedes() const noexcept override { return !by_title_; }

  std::optional<date> submitted_on(const application& a) const override {
    // The date that counts for the delivery method (the pack's /delivery_methods); without a
    // method, the only date given tells it.
    return counted_submission_date(n_, a.submission);
  }

  violation describe(const party& subject, const party& other,
                     const application& a) const override {
    violation v;
    v.vars.emplace_back("other", other.name);
    v.vars.emplace_back("max", both(max_ > 0 ? std::to_string(max_) : std::string()));
    if (by_title_) {
      v.path = "/title";
      v.found = both(subject.title);
      v.vars.emplace_back("other_title", both(other.title));
      v.vars.emplace_back("other_date", both(""));
      v.vars.emplace_back("applicant", both(""));
      return v;
    }
    const bool by_code = a.applicant.credit_code && !a.applicant.credit_code->empty();
    v.path = by_code ? "/applicant/credit_code" : "/applicant/name";
    v.vars.emplace_back("applicant", both(by_code ? *a.applicant.credit_code : a.applicant.name));
    if (max_ > 0) {
      // The project type of this one, beyond the limit: its name as the notice gives it.
      v.path = "/project_type";
      localized type = both(a.project_type);
      for (const auto& t : n_.project_types)
        if (t.code == a.project_type && !t.name.empty()) type = t.name;
      v.found = type;
      v.vars.emplace_back("other_title", both(""));
      v.vars.emplace_back("other_date", both(""));
      return v;
    }
    v.vars.emplace_back("other_title", both(""));
    const localized own = date_phrase(subject.submitted);
    v.found = {(subject.submitted ? "本申报 " : "本申报") + own.zh, "this one: " + own.en};
    // Later by date, or the same date (or neither dated) and later in the input.
    localized when = date_phrase(other.submitted);
    if (other.submitted == subject.submitted) {
      if (other.submitted)
        when = {"同为 " + format_date(*other.submitted) + " 提交，录入在后",
                "also submitted on " + format_date(*other.submitted) + ", later in the batch"};
      else
        when = {"均未填提交日期，录入在后", "neither gives a submission date; it comes later"};
    }
    v.vars.emplace_back("other_date", when);
    return v;
  }

  std::vector<std::string_view> variables() const override {
    return {"other", "other_title", "other_date", "applicant", "max"};
  }

 private:
  bool by_title_ = false;
  std::size_t max_ = 0;  ///< the key "applicant": how many project types stand
  const notice_data& n_;
};

}  // namespace

std::unique_ptr<requirement> make_unique_in_batch(const json& params, const std::string& path,
                                                  const notice_data& n) {
  return std::make_unique<unique_in_batch>(params, path, n);
}

std::vector<param_info> unique_in_batch_params() { return describe<ubp>(unique_in_batch_desc); }
}  // namespace nxkx::detail
