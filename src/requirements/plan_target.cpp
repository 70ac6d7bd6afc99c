// Kind "plan_target": a target the plan promises (plan.targets[code]) is at least the notice's
// minimum (三(三) 目标合理), or, where the notice offers one, the alternative target reaches its
// own minimum ("或举办不少于200人的大型产学研对接活动1场"). A target the plan leaves out is
// unknown, unless the other branch passes. Counts are shown with their unit ("3 场").
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct target_bound {
  std::string code;
  std::int64_t min = 0;
  std::string unit;
};

target_bound read_bound(const json& obj, const std::string& path, const notice_data& n) {
  for (const auto& [key, value] : obj.items())
    if (key != "target" && key != "min" && key != "or" && key != "unit")
      pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  target_bound b;
  b.code = text_at(obj, "target", path);
  if (!n.label("target." + b.code))
    pack_fail(child(path, "target"), "unknown target \"" + b.code + "\" (not in the vocabulary)",
              "pack.unknown_code");
  b.min = integer_param(obj, "min", path, 1);
  member(obj, "unit", path);  // every count has its unit
  b.unit = unit_param(obj, "unit", path, n, "");
  return b;
}

class plan_target final : public requirement {
 public:
  plan_target(const json& params, const std::string& path, const notice_data& n)
      : n_(n), main_(read_bound(params, path, n)) {
    if (const json* alt = optional_member(params, "or")) {
      std::string ap = child(path, "or");
      if (!alt->is_object()) pack_fail(ap, "expected {\"target\": …, \"min\": …, \"unit\": …}");
      if (optional_member(*alt, "or")) pack_fail(child(ap, "or"), "one alternative at most");
      alt_ = read_bound(*alt, ap, n);
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

}  // namespace nxkx::detail
