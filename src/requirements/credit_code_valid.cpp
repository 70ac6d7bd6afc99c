// Kind "credit_code": every organisation's 统一社会信用代码 is well formed and both check
// characters hold (GB 32100-2015). A failed check character takes the severity the caller
// chose (check_options::bad_credit_code): early pilot codes were issued with bad checks.
#include "nxkx/credit_code.hpp"
#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

localized problem_text(const credit_code_check& c) {
  std::string pos = std::to_string(c.position);
  std::string exp(1, c.expected_check);
  switch (c.status) {
    case credit_code_status::wrong_length:
      return {"长度不是18位", "not 18 characters long"};
    case credit_code_status::invalid_character:
      return {"第" + pos + "位字符无效", "invalid character at position " + pos};
    case credit_code_status::bad_organisation_check:
      return {"第17位（组织机构代码校验码）应为" + exp,
              "character 17 (organisation code check) should be " + exp};
    case credit_code_status::bad_check_character:
      return {"第18位校验码应为" + exp, "check character 18 should be " + exp};
    case credit_code_status::valid:
      break;
  }
  return {};
}

struct credit_code_params {
  std::string subject = "lead";
  std::optional<std::vector<std::string>> entity_kinds;
};

using ccp = credit_code_params;
constexpr param<ccp> credit_code_desc[] = {
    {"subject", &ccp::subject, subject_doc},
    {"entity_kinds", &ccp::entity_kinds, entity_kinds_doc},
};

entity_scope read_scope(const json& params, const std::string& path, const notice_data& n) {
  const ccp p = read_params<ccp>(params, path, credit_code_desc);
  return entity_scope::make(p.subject, p.entity_kinds, path, n);
}

class credit_code_requirement final : public requirement {
 public:
  credit_code_requirement(const json& params, const std::string& path, const notice_data& n)
      : scope_(read_scope(params, path, n)) {}

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    scope_.for_each(ctx.app, [&](const organisation& e, bool, const std::string& base) {
      if (e.credit_code && check_credit_code(*e.credit_code).ok()) return;
      violation v;
      v.path = base + "/credit_code";
      v.vars.emplace_back("name", entity_name(e, base));
      if (!e.credit_code) {
        v.unknown = true;
        v.found = {"未填写", "not given"};
        v.vars.emplace_back("problem", localized{"未填写", "missing"});
        out.push_back(std::move(v));
        return;
      }
      credit_code_check c = check_credit_code(*e.credit_code);
      if (c.ok()) return;
      v.found = both(*e.credit_code);
      v.vars.emplace_back("problem", problem_text(c));
      if (c.status == credit_code_status::bad_check_character ||
          c.status == credit_code_status::bad_organisation_check)
        v.level = ctx.opt.bad_credit_code;
      out.push_back(std::move(v));
    });
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"problem", "name"}; }

 private:
  entity_scope scope_;
};

}  // namespace

std::unique_ptr<requirement> make_credit_code(const json& params, const std::string& path,
                                              const notice_data& n) {
  return std::make_unique<credit_code_requirement>(params, path, n);
}

std::vector<param_info> credit_code_params() { return describe<ccp>(credit_code_desc); }
}  // namespace nxkx::detail
