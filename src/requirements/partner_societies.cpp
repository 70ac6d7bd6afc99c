// Kind "partner_societies": the lead 全区学会 pairs with at least N distinct 基层"三会"
// (一(二)2(1)), each valid by 二(一) — in a county-level division of the region, of one of the
// named fields. Distinct means by credit code: the same society twice counts once. At the
// completion stage the rule may also ask that each partner held at least one qualifying event
// with the lead (`joint_event`). Every joint applicant that does not count is named.
#include <algorithm>

#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct joint_event_spec {
  std::vector<std::string> types;
  std::optional<std::int64_t> per_event_min;
  period_spec period;
};

class partner_societies final : public requirement {
 public:
  partner_societies(const json& params, const std::string& path, const notice_data& n)
      : n_(n),
        min_(integer_param(params, "min", path, 1)),
        partner_(partner_spec::from_params(params, path, n)) {
    for (const auto& [key, value] : params.items())
      if (key != "min" && key != "partner" && key != "joint_event" && key != "unit")
        pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
    if (optional_member(params, "unit")) unit_ = unit_param(params, "unit", path, n, "");
    if (const json* j = optional_member(params, "joint_event")) {
      std::string jp = child(path, "joint_event");
      if (!j->is_object()) pack_fail(jp, "expected an object");
      for (const auto& [key, value] : j->items())
        if (key != "types" && key != "per_event_min" && key != "period")
          pack_fail(child(jp, key), "unknown field \"" + key + "\"", "pack.unknown_field");
      joint_event_spec s{vocabulary_list(*j, "types", jp, n, "event_type"), std::nullopt,
                         period_spec::from_params(*j, jp)};
      if (optional_member(*j, "per_event_min"))
        s.per_event_min = integer_param(*j, "per_event_min", jp, 1);
      joint_ = std::move(s);
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    std::optional<project_period> period;
    if (joint_) period = joint_->period.resolve(ctx);
    std::int64_t valid = 0, unknown = 0;
    not_counted skipped(n_, "joint_applicant");
    for (auto& p : judge_partners(ctx, partner_)) {
      if (p.verdict == partner_status::state::valid && joint_) {
        if (p.credit_code.empty()) {
          p.verdict = partner_status::state::unknown;
          p.reason = {"未填统一社会信用代码，无法与活动记录对应",
                      "no credit code, so no event can name it"};
        } else if (!held_event(ctx, p.credit_code, *period)) {
          p.verdict = partner_status::state::invalid;
          p.reason = {"无共同开展的合格活动", "no qualifying event held with it"};
        }
      }
      switch (p.verdict) {
        case partner_status::state::valid:
          ++valid;
          break;
        case partner_status::state::unknown:
          ++unknown;
          skipped.add(p.path, p.reason);
          break;
        case partner_status::state::invalid:
          skipped.add(p.path, p.reason);
          break;
      }
    }
    if (valid >= min_) return true;
    violation v;
    v.path = "/joint_applicants";
    // Some partners could not be judged and would be enough: the file lacks a fact.
    v.unknown = valid + unknown >= min_;
    if (ctx.app.joint_applicants.empty()) v.message = "none";
    const localized c = quantity(n_, valid, unit_);
    const localized s = skipped.summary();
    v.found = {"有效 " + c.zh + s.zh, c.en + " valid" + s.en};
    v.vars.emplace_back("count", c);
    v.vars.emplace_back("min", quantity(n_, min_, unit_));
    v.vars.emplace_back("period", period ? describe(*period, ctx.app) : both(""));
    v.vars.emplace_back("not_counted", skipped.render());
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"count", "min", "period", "not_counted"};
  }

  std::vector<std::string> message_names() const override { return {"none"}; }

 private:
  /// Whether the lead held a qualifying event with the partner of this credit code.
  bool held_event(const eval_context& ctx, const std::string& code,
                  const project_period& period) const {
    const auto& types = joint_->types;
    return std::any_of(
        ctx.app.records.events.begin(), ctx.app.records.events.end(), [&](const event& e) {
          if (std::find(types.begin(), types.end(), e.type) == types.end()) return false;
          if (std::find(e.partners.begin(), e.partners.end(), code) == e.partners.end())
            return false;
          if (date_problem(e.held_on, period)) return false;
          if (joint_->per_event_min && (!e.attendance || *e.attendance < *joint_->per_event_min))
            return false;
          return true;
        });
  }

  std::string unit_;  ///< the unit partners are counted in (unit.CODE), or "" for none
  const notice_data& n_;
  std::int64_t min_;
  partner_spec partner_;
  std::optional<joint_event_spec> joint_;
};

}  // namespace

std::unique_ptr<requirement> make_partner_societies(const json& params, const std::string& path,
                                                    const notice_data& n) {
  return std::make_unique<partner_societies>(params, path, n);
}

}  // namespace nxkx::detail
