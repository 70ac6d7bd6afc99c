// Kind "credit_code_type": what a credit code says of its organisation is what the rule expects:
// the organisation type (characters 1-2, `prefixes`, e.g. "51" 社会团体 for a 全区学会), or the
// registering authority's division (characters 3-8, `registered_at`, e.g. "640000" for one
// registered with the region's 民政厅). A code that is missing or malformed is the credit_code
// rule's finding, not this one's: one missing fact, one finding.
#include "nxkx/credit_code.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

class credit_code_type final : public requirement {
 public:
  credit_code_type(const json& params, const std::string& path, const notice_data& n)
      : scope_(entity_scope::from_params(params, path, n)) {
    for (const auto& [key, value] : params.items())
      if (key != "subject" && key != "entity_kinds" && key != "prefixes" && key != "registered_at")
        pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
    const bool has_prefixes = optional_member(params, "prefixes") != nullptr;
    if (has_prefixes == (optional_member(params, "registered_at") != nullptr))
      pack_fail(path, "a credit_code_type rule needs exactly one of prefixes, registered_at");
    if (has_prefixes) {
      const json& p = array_at(params, "prefixes", path);
      if (p.empty()) pack_fail(child(path, "prefixes"), "at least one prefix is needed");
      for (std::size_t i = 0; i < p.size(); ++i) {
        std::string s = text(p[i], child(child(path, "prefixes"), i));
        if (s.size() != 2) pack_fail(child(child(path, "prefixes"), i), "a prefix is 2 characters");
        prefixes_.push_back(std::move(s));
      }
    } else {
      registered_at_ = text_at(params, "registered_at", path);
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

}  // namespace nxkx::detail
