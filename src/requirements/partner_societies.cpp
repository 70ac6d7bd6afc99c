// Kind "partner_societies": the lead 全区学会 pairs with at least N distinct 基层"三会"
// (一(二)2(1)), each valid by 二(一) — in a county-level division of the region, of one of the
// named fields. Distinct means by credit code: the same society twice counts once. At the
// completion stage the rule may also ask that each partner held at least one qualifying event
// with the lead (`joint_event`). Every joint applicant that does not count is named.
#include <algorithm>

#include "requirements/params.hpp"
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct joint_event_spec {
  std::vector<std::string> types;
  std::optional<std::int64_t> per_event_min;
  period_spec period;
};

struct partner_societies_params {
  std::int64_t min = 0;
  const json* partner = nullptr;
  const json* joint_event = nullptr;
  std::optional<std::string> unit;
};

using psp = partner_societies_params;
constexpr param<psp> partner_societies_desc[] = {
    {"min", &psp::min, "at least this many valid, distinct partners", true, 1},
    {"partner", &psp::partner,
     "`{kind, fact, allowed}`: the applicant kind a partner is and the code declaration it must "
     "have",
     true, 0, "object"},
    {"unit", &psp::unit, "a code of `unit.*` partners are counted in (absent: a bare number)"},
    {"joint_event", &psp::joint_event,
     "`{types, per_event_min, period}`: at completion, an event held with each partner", false, 0,
     "object"},
};

struct joint_event_params {
  std::optional<std::vector<std::string>> types;
  std::optional<std::int64_t> per_event_min;
  const json* period = nullptr;
};

using jep = joint_event_params;
constexpr param<jep> joint_event_desc[] = {
    {"types", &jep::types, "the `event_type.*` codes that count", true},
    {"per_event_min", &jep::per_event_min, "an event counts with at least this attendance", false,
     1},
    {"period", &jep::period, "`{start, end}`: the project period", true, 0, "object"},
};

class partner_societies final : public requirement {
 public:
  partner_societies(const json& params, const std::string& path, const notice_data& n)
      : partner_societies(read_params<psp>(params, path, partner_societies_desc), path, n) {}

  partner_societies(const psp& p, const std::string& path, const notice_data& n)
      : n_(n),
        min_(p.min),
        partner_(partner_spec::from_json(p.partner, child(path, "partner"), n)) {
    if (p.unit) unit_ = unit_code(*p.unit, child(path, "unit"), n);
    if (p.joint_event) {
      const std::string jp = child(path, "joint_event");
      const jep j = read_params<jep>(*p.joint_event, jp, joint_event_desc);
      joint_event_spec s{vocabulary_codes(*j.types, child(jp, "types"), n, "event_type"),
                         j.per_event_min, period_spec::from_json(j.period, child(jp, "period"))};
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

std::vector<param_info> partner_societies_params() { return describe<psp>(partner_societies_desc); }
}  // namespace nxkx::detail
