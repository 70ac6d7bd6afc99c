// Kind "division_in_region": an organisation lies in the notice's region (全区范围内), at the
// level the rule asks for (any division, or a county-level one: 县、区、市).
#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

struct division_in_region_params {
  std::string subject = "lead";
  std::optional<std::vector<std::string>> entity_kinds;
  std::string level = "any";
};

using dip = division_in_region_params;
constexpr param<dip> division_in_region_desc[] = {
    {"subject", &dip::subject, subject_doc},
    {"entity_kinds", &dip::entity_kinds, entity_kinds_doc},
    {"level", &dip::level,
     "`any` division of the region, or `county` (a county-level one: 县、区、市)"},
};

class division_in_region final : public requirement {
 public:
  division_in_region(const json& params, const std::string& path, const notice_data& n)
      : division_in_region(read_params<dip>(params, path, division_in_region_desc), path, n) {}

  division_in_region(const dip& p, const std::string& path, const notice_data& n)
      : scope_(entity_scope::make(p.subject, p.entity_kinds, path, n)) {
    const std::string& level = p.level;
    if (level == "county")
      county_only_ = true;
    else if (level != "any")
      pack_fail(child(path, "level"), "expected \"any\" or \"county\", found \"" + level + "\"");
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    bool any = false;
    scope_.for_each(ctx.app, [&](const organisation& e, bool, const std::string& base) {
      any = true;
      violation v;
      v.vars.emplace_back("name", entity_name(e, base));
      if (!e.division) {
        v.path = base + "/division";
        v.unknown = true;
        v.found = {"未填写", "not given"};
        out.push_back(std::move(v));
        return;
      }
      const division* d = ctx.n.divisions.find(*e.division);
      if (d && (!county_only_ || d->level == division_level::county)) return;
      v.path = base + "/division";
      v.found = d ? localized{d->name + "（" + d->code + "）", d->name + " (" + d->code + ")"}
                  : both(*e.division);
      out.push_back(std::move(v));
    });
    return any;
  }

  std::vector<std::string_view> variables() const override { return {"name"}; }

 private:
  entity_scope scope_;
  bool county_only_ = false;
};

}  // namespace

std::unique_ptr<requirement> make_division_in_region(const json& params, const std::string& path,
                                                     const notice_data& n) {
  return std::make_unique<division_in_region>(params, path, n);
}

std::vector<param_info> division_in_region_params() {
  return describe<dip>(division_in_region_desc);
}
}  // namespace nxkx::detail
