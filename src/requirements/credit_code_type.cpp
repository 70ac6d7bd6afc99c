// Kind "credit_code_type": what a credit code says of its organisation is what the rule expects:
// the organisation type (characters 1-2, `prefixes`, e.g. "51" 社会团体 for a 全区学会), or the
// registering authority's division (characters 3-8, `registered_at`, e.g. "640000" for one
// registered with the region's 民政厅). A code that is missing or malformed is the credit_code
// rule's finding, not this one's: one missing fact, one finding.
#include "nxkx/credit_code.hpp"
#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

struct credit_code_type_params {
  std::string subject = "lead";
  std::optional<std::vector<std::string>> entity_kinds;
  std::optional<std::vector<std::string>> prefixes;
  std::optional<std::string> registered_at;
};

using ctp = credit_code_type_params;
constexpr param<ctp> credit_code_type_desc[] = {
    {"subject", &ctp::subject, subject_doc},
    {"entity_kinds", &ctp::entity_kinds, entity_kinds_doc},
    {"prefixes", &ctp::prefixes,
     "the code's first two characters, one of these (`[\"51\"]` 社会团体); or `registered_at`"},
    {"registered_at", &ctp::registered_at,
     "the registering authority's division, characters 3–8 (`\"640000\"`); or `prefixes`"},
};

class credit_code_type final : public requirement {
 public:
  credit_code_type(const json& params, const std::string& path, const notice_data& n)
      : credit_code_type(read_params<ctp>(params, path, credit_code_type_desc), path, n) {}

  credit_code_type(const ctp& p, const std::string& path, const notice_data& n)
      : scope_(entity_scope::make(p.subject, p.entity_kinds, path, n)) {
    if (p.prefixes.has_value() == p.registered_at.has_value())
      pack_fail(path, "a credit_code_type rule needs exactly one of prefixes, registered_at");
    if (p.prefixes) {
      if (p.prefixes->empty()) pack_fail(child(path, "prefixes"), "at least one prefix is needed");
      for (std::size_t i = 0; i < p.prefixes->size(); ++i) {
        const std::string& s = (*p.prefixes)[i];
        if (s.size() != 2) pack_fail(child(child(path, "prefixes"), i), "a prefix is 2 characters");
        prefixes_.push_back(s);
      }
    } else {
      registered_at_ = *p.registered_at;
      if (registered_at_.size() != 6)
        pack_fail(child(path, "registered_at"), "a division code is 6 characters");
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    scope_.for_each(ctx.app, [&](const organisation& e, bool, const std::string& base) {
      if (!e.credit_code) return;
      const credit_code_status status = check_credit_code(*e.credit_code).status;
      if (status == credit_code_status::wrong_length ||
          status == credit_code_status::invalid_character)
        return;
      const std::string& code = *e.credit_code;
      if (registered_at_.empty()) {
        const std::string_view type = credit_code_org_type(code);
        for (const auto& p : prefixes_)
          if (p == type) return;
      } else if (code.compare(2, 6, registered_at_) == 0) {
        return;
      }
      violation v;
      v.path = base + "/credit_code";
      v.found = both(code);
      v.vars.emplace_back("name", entity_name(e, base));
      v.vars.emplace_back("division", both(code.substr(2, 6)));
      if (const division* d = ctx.n.divisions.find(code.substr(2, 6)))
        v.vars.back().second = {d->name + "（" + d->code + "）", d->name + " (" + d->code + ")"};
      out.push_back(std::move(v));
    });
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"name", "division"}; }

 private:
  entity_scope scope_;
  std::vector<std::string> prefixes_;
  std::string registered_at_;
};

}  // namespace

std::unique_ptr<requirement> make_credit_code_type(const json& params, const std::string& path,
                                                   const notice_data& n) {
  return std::make_unique<credit_code_type>(params, path, n);
}

std::vector<param_info> credit_code_type_params() { return describe<ctp>(credit_code_type_desc); }
}  // namespace nxkx::detail
