// Kind "plan_target": a target the plan promises (plan.targets[code]) is at least the notice's
// minimum (三(三) 目标合理), or, where the notice offers one, the alternative target reaches its
// own minimum ("或举办不少于200人的大型产学研对接活动1场"). A target the plan leaves out is
// unknown, unless the other branch passes.
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct target_bound {
  std::string code;
  std::int64_t min = 0;
};

target_bound read_bound(const json& obj, const std::string& path, const notice_data& n) {
  for (const auto& [key, value] : obj.items())
    if (key != "target" && key != "min" && key != "or")
      pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
  target_bound b;
  b.code = text_at(obj, "target", path);
  if (!n.label("target." + b.code))
    pack_fail(child(path, "target"), "unknown target \"" + b.code + "\" (not in the vocabulary)",
              "pack.unknown_code");
  b.min = integer_param(obj, "min", path, 1);
  return b;
}

class plan_target final : public requirement {
 public:
  plan_target(const json& params, const std::string& path, const notice_data& n)
      : n_(n), main_(read_bound(params, path, n)) {
    if (const json* alt = optional_member(params, "or")) {
      std::string ap = child(path, "or");
      if (!alt->is_object()) pack_fail(ap, "expected {\"target\": …, \"min\": …}");
      if (optional_member(*alt, "or")) pack_fail(child(ap, "or"), "one alternative at most");
      alt_ = read_bound(*alt, ap, n);
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& targets = ctx.app.project_plan.targets;
    auto value = [&](const target_bound& b) -> std::optional<std::int64_t> {
      auto it = targets.find(b.code);
      if (it == targets.end()) return std::nullopt;
      return it->second;
    };
    const std::optional<std::int64_t> v = value(main_);
    const std::optional<std::int64_t> a = alt_ ? value(*alt_) : std::nullopt;
    if (v && *v >= main_.min) return true;
    if (alt_ && a && *a >= alt_->min) return true;
    auto shown = [](const std::optional<std::int64_t>& x) {
      return x ? both(std::to_string(*x)) : localized{"未填写", "not given"};
    };
    violation vi;
    vi.path = "/plan/targets/" + main_.code;
    vi.unknown = !v && !a;
    vi.found = shown(v);
    vi.vars.emplace_back("target", n_.label_or_code("target", main_.code));
    vi.vars.emplace_back("min", both(std::to_string(main_.min)));
    vi.vars.emplace_back("alt_target",
                         alt_ ? n_.label_or_code("target", alt_->code) : localized{"", ""});
    vi.vars.emplace_back("alt_min", both(alt_ ? std::to_string(alt_->min) : std::string()));
    vi.vars.emplace_back("alt_found", alt_ ? shown(a) : localized{"", ""});
    out.push_back(std::move(vi));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"target", "min", "alt_target", "alt_min", "alt_found"};
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
