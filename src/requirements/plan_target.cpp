// Kind "plan_target": a target the plan promises (plan.targets[code]) is at least the notice's
// minimum (三(三) 目标合理), or, where the notice offers one, the alternative target reaches its
// own minimum ("或举办不少于200人的大型产学研对接活动1场"). A target the plan leaves out is
// unknown, unless the other branch passes. Counts are shown with their unit ("3 场").
#include "requirements/params.hpp"
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct target_bound {
  std::string code;
  std::int64_t min = 0;
  std::string unit;
};

struct plan_target_params {
  std::string target;
  std::int64_t min = 0;
  std::string unit;
  const json* alternative = nullptr;
};

using ptp = plan_target_params;
constexpr param<ptp> plan_target_desc[] = {
    {"target", &ptp::target, "a code of `target.*`: the plan's promised target", true},
    {"min", &ptp::min, "the notice's minimum", true, 1},
    {"unit", &ptp::unit, "a code of `unit.*` the target is counted in", true},
    {"or", &ptp::alternative, "one alternative `{target, min, unit}` (either passes)", false, 0,
     "object"},
};

target_bound read_bound(const ptp& p, const std::string& path, const notice_data& n) {
  target_bound b;
  b.code = p.target;
  if (!n.label("target." + b.code))
    pack_fail(child(path, "target"), "unknown target \"" + b.code + "\" (not in the vocabulary)",
              "pack.unknown_code");
  b.min = p.min;
  b.unit = unit_code(p.unit, child(path, "unit"), n);  // every count has its unit
  return b;
}

class plan_target final : public requirement {
 public:
  plan_target(const json& params, const std::string& path, const notice_data& n)
      : plan_target(read_params<ptp>(params, path, plan_target_desc), path, n) {}

  plan_target(const ptp& p, const std::string& path, const notice_data& n)
      : n_(n), main_(read_bound(p, path, n)) {
    if (const json* alt = p.alternative) {
      std::string ap = child(path, "or");
      if (!alt->is_object()) pack_fail(ap, "expected {\"target\": …, \"min\": …, \"unit\": …}");
      if (optional_member(*alt, "or")) pack_fail(child(ap, "or"), "one alternative at most");
      alt_ = read_bound(read_params<ptp>(*alt, ap, plan_target_desc), ap, n);
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& targets = ctx.app.plan.targets;
    auto value = [&](const target_bound& b) -> std::optional<std::int64_t> {
      auto it = targets.find(b.code);
      if (it == targets.end()) return std::nullopt;
      return it->second;
    };
    const std::optional<std::int64_t> v = value(main_);
    const std::optional<std::int64_t> a = alt_ ? value(*alt_) : std::nullopt;
    if (v && *v >= main_.min) return true;
    if (alt_ && a && *a >= alt_->min) return true;
    // "为 3 场" / "is 3 events", or "未填写" / "is not given": never a unit after nothing.
    auto phrase = [&](const target_bound& b, const std::optional<std::int64_t>& x) {
      if (!x) return localized{"未填写", "is not given"};
      const localized q = quantity(n_, *x, b.unit);
      return localized{"为 " + q.zh, "is " + q.en};
    };
    violation vi;
    vi.path = "/plan/targets/" + main_.code;
    vi.unknown = !v && !a;
    vi.found = v ? quantity(n_, *v, main_.unit) : localized{"未填写", "not given"};
    vi.vars.emplace_back("target", n_.label_or_code("target", main_.code));
    vi.vars.emplace_back("min", quantity(n_, main_.min, main_.unit));
    vi.vars.emplace_back("value", phrase(main_, v));
    vi.vars.emplace_back("alt_target",
                         alt_ ? n_.label_or_code("target", alt_->code) : localized{"", ""});
    vi.vars.emplace_back("alt_min", alt_ ? quantity(n_, alt_->min, alt_->unit) : both(""));
    vi.vars.emplace_back("alt_value", alt_ ? phrase(*alt_, a) : localized{"", ""});
    out.push_back(std::move(vi));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"target", "min", "value", "alt_target", "alt_min", "alt_value"};
  }

 private:
  const notice_data& n_;
  target_bound main_;
  std::optional<target_bound> alt_;
};

}  // namespace

std::unique_ptr<requirement> make_plan_target(const json& params, const std::string& path,
                                              const notice_data& n) {
  return std::make_unique<plan_target>(params, path, n);
}

std::vector<param_info> plan_target_params() { return describe<ptp>(plan_target_desc); }
}  // namespace nxkx::detail
