// Kind "applicant_kind": the applicant (or each joint applicant) is of a kind the project
// type admits (申报主体). The admitted kinds are the project type's, in the pack's catalogue, or
// the rule's own `expected_kinds` (e.g. the one kind that should lead a project).
#include <algorithm>

#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

localized join_labels(const notice_data& n, const std::vector<std::string>& kinds) {
  localized out;
  for (const std::string& k : kinds) {
    localized l = kind_label(n, k);
    if (!out.zh.empty()) {
      out.zh += "、";
      out.en += ", ";
    }
    out.zh += l.zh;
    out.en += l.en;
  }
  return out;
}

struct applicant_kind_params {
  std::string subject = "lead";
  std::optional<std::vector<std::string>> expected_kinds;
};

using akp = applicant_kind_params;
constexpr param<akp> applicant_kind_desc[] = {
    {"subject", &akp::subject, "whose kind: `lead` or `joint_applicants`"},
    {"expected_kinds", &akp::expected_kinds,
     "the applicant kinds expected (absent: the project type's `eligible`)"},
};

class applicant_kind_requirement final : public requirement {
 public:
  applicant_kind_requirement(const json& params, const std::string& path, const notice_data& n) {
    const akp p = read_params<akp>(params, path, applicant_kind_desc);
    if (p.subject != "lead" && p.subject != "joint_applicants")
      pack_fail(child(path, "subject"), "expected \"lead\" or \"joint_applicants\"");
    joint_ = p.subject == "joint_applicants";
    if (p.expected_kinds) {
      const std::string kp = child(path, "expected_kinds");
      if (p.expected_kinds->empty()) pack_fail(kp, "expected a non-empty array");
      expected_ = check_kinds(*p.expected_kinds, kp, n);
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& allowed = !expected_.empty() ? expected_
                          : joint_           ? ctx.type.joint_eligible
                                             : ctx.type.eligible;
    // A project type that names no joint kinds admits any organisation as joint applicant.
    if (joint_ && (allowed.empty() || ctx.app.joint_applicants.empty())) return false;
    auto check = [&](const organisation& e, const std::string& base) {
      if (std::find(allowed.begin(), allowed.end(), e.kind) != allowed.end()) return;
      violation v;
      v.path = base + "/kind";
      v.found = kind_label(ctx.n, e.kind);
      v.vars.emplace_back("eligible", join_labels(ctx.n, allowed));
      v.vars.emplace_back("name", entity_name(e, base));
      out.push_back(std::move(v));
    };
    if (!joint_) {
      check(ctx.app.applicant, "/applicant");
    } else {
      for (std::size_t i = 0; i < ctx.app.joint_applicants.size(); ++i)
        check(ctx.app.joint_applicants[i], "/joint_applicants/" + std::to_string(i));
    }
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"eligible", "name"}; }

 private:
  bool joint_ = false;
  std::vector<std::string> expected_;
};

}  // namespace

std::unique_ptr<requirement> make_applicant_kind(const json& params, const std::string& path,
                                                 const notice_data& n) {
  return std::make_unique<applicant_kind_requirement>(params, path, n);
}

std::vector<param_info> applicant_kind_params() { return describe<akp>(applicant_kind_desc); }
}  // namespace nxkx::detail
