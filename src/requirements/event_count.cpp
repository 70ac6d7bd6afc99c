// Kind "event_count": enough qualifying events among the records (项目内容, completion stage).
// An event qualifies when its type is one the clause names, its date lies in the project
// period (and not after the check), its attendance reaches the per-event minimum where there
// is one and, where the rule asks for partners, it was held with a valid 基层"三会". A rule may
// add the notice's alternative "or one event of ≥ M people": either branch passes. Events that
// do not count are named in the finding with the reason.
#include <algorithm>
#include <set>

#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

class event_count final : public requirement {
 public:
  event_count(const json& params, const std::string& path, const notice_data& n)
      : types_(vocabulary_list(params, "types", path, n, "event_type")),
        min_(integer_param(params, "min", path, 1)),
        attendance_(attendance_param(params, path)),
        period_(period_spec::from_params(params, path)) {
    for (const auto& [key, value] : params.items())
      if (key != "types" && key != "min" && key != "per_event_min" && key != "attendance" &&
          key != "large_event" && key != "partner" && key != "period")
        pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
    if (optional_member(params, "per_event_min"))
      per_event_min_ = integer_param(params, "per_event_min", path, 1);
    if (const json* large = optional_member(params, "large_event")) {
      std::string lp = child(path, "large_event");
      if (!large->is_object() || large->size() != 1)
        pack_fail(lp, "expected {\"min_attendance\": N}");
      large_min_ = integer_param(*large, "min_attendance", lp, 1);
    }
    if (optional_member(params, "partner")) partner_ = partner_spec::from_params(params, path);
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const project_period period = period_.resolve(ctx);
    std::set<std::string, std::less<>> partner_codes;
    if (partner_) {
      for (const auto& p : judge_partners(ctx, *partner_))
        if (p.verdict == partner_status::state::valid && !p.credit_code.empty())
          partner_codes.insert(p.credit_code);
    }
    const bool needs_attendance = per_event_min_ || large_min_;
    std::int64_t counted = 0;
    std::optional<std::int64_t> largest;
    not_counted skipped;
    const auto& events = ctx.app.achieved.events;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const event& e = events[i];
      if (std::find(types_.begin(), types_.end(), e.type) == types_.end()) continue;
      std::string path = "/records/events/" + std::to_string(i);
      if (auto why = date_problem(e.held_on, period)) {
        skipped.add(std::move(path), std::move(*why));
        continue;
      }
      if (partner_ && std::none_of(e.partners.begin(), e.partners.end(),
                                   [&](const std::string& c) { return partner_codes.count(c); })) {
        skipped.add(std::move(path),
                    {"未与有效的基层“三会”共同举办", "not held with a valid partner 基层“三会”"});
        continue;
      }
      const std::optional<std::int64_t> people = attendance_of(e, attendance_);
      if (!people) {
        // Without a per-event minimum an event counts without its attendance; it just cannot
        // be the large event.
        if (per_event_min_) {
          skipped.add(std::move(path), missing_attendance(attendance_));
          continue;
        }
      } else {
        largest = std::max(largest.value_or(0), *people);
        if (per_event_min_ && *people < *per_event_min_) {
          const std::string n = std::to_string(*people), m = std::to_string(*per_event_min_);
          skipped.add(std::move(path),
                      {n + " 人，每场需 ≥ " + m + " 人", n + " people, each needs ≥ " + m});
          continue;
        }
      }
      ++counted;
    }
    if (counted >= min_) return true;
    if (large_min_ && largest && *largest >= *large_min_) return true;
    violation v;
    v.path = "/records/events";
    v.found = count_found(
        static_cast<std::size_t>(counted),
        needs_attendance ? std::optional<std::int64_t>(largest.value_or(0)) : std::nullopt,
        skipped.size());
    v.vars.emplace_back("count", both(std::to_string(counted)));
    v.vars.emplace_back("min", both(std::to_string(min_)));
    v.vars.emplace_back("per_event_min",
                        both(per_event_min_ ? std::to_string(*per_event_min_) : std::string()));
    v.vars.emplace_back("large_min",
                        both(large_min_ ? std::to_string(*large_min_) : std::string()));
    v.vars.emplace_back("largest", both(std::to_string(largest.value_or(0))));
    v.vars.emplace_back("not_counted", skipped.render());
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"count", "min", "per_event_min", "large_min", "largest", "not_counted"};
  }

 private:
  std::vector<std::string> types_;
  std::int64_t min_;
  attendance_field attendance_;
  period_spec period_;
  std::optional<std::int64_t> per_event_min_;
  std::optional<std::int64_t> large_min_;
  std::optional<partner_spec> partner_;
};

}  // namespace

std::unique_ptr<requirement> make_event_count(const json& params, const std::string& path,
                                              const notice_data& n) {
  return std::make_unique<event_count>(params, path, n);
}

}  // namespace nxkx::detail
