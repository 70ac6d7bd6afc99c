// Kind "credit_code_type": the organisation type in a credit code (characters 1-2) is one the
// rule expects, e.g. "51" 社会团体 for a 全区学会.
#include "nxkx/credit_code.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

class credit_code_type final : public requirement {
 public:
  credit_code_type(const json& params, const std::string& path)
      : scope_(entity_scope::from_params(params, path)) {
    const json& p = array_at(params, "prefixes", path);
    if (p.empty()) pack_fail(child(path, "prefixes"), "at least one prefix is needed");
    for (std::size_t i = 0; i < p.size(); ++i) {
      std::string s = text(p[i], child(child(path, "prefixes"), i));
      if (s.size() != 2) pack_fail(child(child(path, "prefixes"), i), "a prefix is 2 characters");
      prefixes_.push_back(std::move(s));
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    scope_.for_each(ctx.app,
                    [&](const applicant& e, const joint_applicant*, const std::string& base) {
                      violation v;
                      if (!e.credit_code) {
                        v.path = base + "/credit_code";
                        v.unknown = true;
                        v.found = {"未填写", "not given"};
                        out.push_back(std::move(v));
                        return;
                      }
                      // A malformed code is the credit_code rule's finding, not this one's.
                      if (e.credit_code->size() != 18) return;
                      std::string_view type = credit_code_org_type(*e.credit_code);
                      for (const auto& p : prefixes_)
                        if (p == type) return;
                      v.path = base + "/credit_code";
                      v.found = both(*e.credit_code);
                      out.push_back(std::move(v));
                    });
    return true;
  }

 private:
  entity_scope scope_;
  std::vector<std::string> prefixes_;
};

}  // namespace

std::unique_ptr<requirement> make_credit_code_type(const json& params, const std::string& path,
                                                   const notice_data&) {
  return std::make_unique<credit_code_type>(params, path);
}

}  // namespace nxkx::detail
