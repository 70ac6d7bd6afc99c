// Kind "event_count": enough qualifying events among the records (项目内容, completion stage).
// An event qualifies when its type is one the clause names, its date lies in the project
// period (and not after the check), it is not a repeat of another (same date and title), its
// attendance reaches the per-event minimum where there is one and, where the rule asks for
// partners, it was held with a valid 基层"三会". A rule may add the notice's alternative "or one
// event of ≥ M people": either branch passes. Every event that does not count is named in the
// finding with the reason, events of other types included. Where the clause's list ends in 等
// (`open_list`), events of other types that would qualify otherwise are counted aside: when they
// would meet the bar, a person decides (template "review") instead of the shortfall.
#include <algorithm>
#include <set>

#include "requirements/params.hpp"
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

struct event_count_params {
  std::optional<std::vector<std::string>> types;
  std::int64_t min = 0;
  std::optional<std::int64_t> per_event_min;
  std::string attendance = "attendance";
  const json* large_event = nullptr;
  const json* partner = nullptr;
  const json* period = nullptr;
  std::string unit = "event";
  const json* open_list = nullptr;
};

using ecp = event_count_params;
constexpr param<ecp> event_count_desc[] = {
    {"types", &ecp::types, "the `event_type.*` codes that count", true},
    {"min", &ecp::min, "at least this many events", true, 1},
    {"per_event_min", &ecp::per_event_min, "an event counts with at least this attendance", false,
     1},
    {"attendance", &ecp::attendance, "which count: `attendance` or `offline_attendance`"},
    {"large_event", &ecp::large_event,
     "`{\"min_attendance\": N}`: or one event of at least N people", false, 0, "object"},
    {"partner", &ecp::partner,
     "`{kind, fact, allowed}`: only events held with a valid partner (a joint applicant)", false, 0,
     "object"},
    {"period", &ecp::period, "`{start, end}`: the project period (§7, common params)", true, 0,
     "object"},
    {"unit", &ecp::unit, "a code of `unit.*` the count is shown in"},
    {"open_list", &ecp::open_list,
     "`true` or `{\"except\": [types]}`: the notice's list ends in 等, other types go to a person",
     false, 0, "boolean or object"},
};

class event_count final : public requirement {
 public:
  event_count(const json& params, const std::string& path, const notice_data& n)
      : event_count(read_params<ecp>(params, path, event_count_desc), path, n) {}

  event_count(const ecp& p, const std::string& path, const notice_data& n)
      : n_(n),
        types_(vocabulary_codes(*p.types, child(path, "types"), n, "event_type")),
        min_(p.min),
        attendance_(attendance_code(p.attendance, child(path, "attendance"))),
        period_(period_spec::from_json(p.period, child(path, "period"))),
        unit_(unit_code(p.unit, child(path, "unit"), n)) {
    per_event_min_ = p.per_event_min;
    if (const json* large = p.large_event) {
      std::string lp = child(path, "large_event");
      if (!large->is_object() || large->size() != 1)
        pack_fail(lp, "expected {\"min_attendance\": N}");
      large_min_ = integer_param(*large, "min_attendance", lp, 1);
    }
    if (p.partner) partner_ = partner_spec::from_json(p.partner, child(path, "partner"), n);
    if (const json* o = p.open_list) {
      // true, or {"except": [types of the project's other deliverables]}
      const std::string op = child(path, "open_list");
      if (o->is_boolean()) {
        open_ = o->get<bool>();
      } else if (o->is_object()) {
        for (const auto& [key, value] : o->items())
          if (key != "except")
            pack_fail(child(op, key), "unknown field \"" + key + "\"", "pack.unknown_field");
        open_ = true;
        except_ = vocabulary_list(*o, "except", op, n, "event_type");
      } else {
        pack_fail(op, "expected true or {\"except\": [...]}");
      }
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const project_period period = period_.resolve(ctx);
    std::set<std::string, std::less<>> partner_codes;
    if (partner_) {
      for (const auto& p : judge_partners(ctx, *partner_))
        if (p.verdict == partner_status::state::valid && !p.credit_code.empty())
          partner_codes.insert(p.credit_code);
    }
    std::int64_t counted = 0, others = 0;
    std::optional<std::int64_t> largest, others_largest;
    bool attendance_missing = false;  // an event that might be the large one gives no figure
    not_counted skipped(n_);
    record_keys keys;
    const auto& events = ctx.app.records.events;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const event& e = events[i];
      std::string path = "/records/events/" + std::to_string(i);
      const bool listed = std::find(types_.begin(), types_.end(), e.type) != types_.end();
      const bool candidate =
          !listed && open_ && std::find(except_.begin(), except_.end(), e.type) == except_.end();
      const localized type = n_.label_or_code("event_type", e.type);
      if (!listed && !candidate) {
        skipped.add(std::move(path), {"类型为" + type.zh + "，不在所列类型内",
                                      "of type " + type.en + ", not listed"});
        continue;
      }
      if (auto why = date_problem(e.held_on, period)) {
        skipped.add(std::move(path), std::move(*why));
        continue;
      }
      // The same event (date and title) listed twice counts once; an untitled one is never a
      // repeat (nothing tells two untitled events of a day apart).
      const std::string title = key_part(e.title);
      if (auto first = keys.repeat_of(
              title.empty() ? title : format_date(*e.held_on) + '\x1f' + title, path)) {
        skipped.add(std::move(path), record_keys::reason(*first));
        continue;
      }
      if (partner_ && std::none_of(e.partners.begin(), e.partners.end(),
                                   [&](const std::string& c) { return partner_codes.count(c); })) {
        skipped.add(std::move(path),
                    {"未与有效的基层“三会”共同举办", "not held with a valid partner 基层“三会”"});
        continue;
      }
      const std::optional<std::int64_t> people = attendance_of(e, attendance_);
      std::optional<std::int64_t>& top = listed ? largest : others_largest;
      if (!people) {
        // Without a per-event minimum an event counts without its attendance; it just cannot
        // be the large event. Unknown is not zero: it is named as such.
        if (per_event_min_ || large_min_) attendance_missing = true;
        if (per_event_min_) {
          skipped.add(std::move(path), missing_attendance(attendance_));
          continue;
        }
      } else {
        top = std::max(top.value_or(0), *people);
        if (per_event_min_ && *people < *per_event_min_) {
          const localized has = attendance_text(n_, attendance_, *people);
          const localized need = quantity(n_, *per_event_min_, "person");
          skipped.add(std::move(path),
                      {has.zh + "，不足 " + need.zh, has.en + ", fewer than " + need.en});
          continue;
        }
      }
      if (listed) {
        ++counted;
      } else {
        ++others;
        skipped.add(std::move(path),
                    {"类型为" + type.zh + "，不在所列类型内，是否属“等”所含由人工判断",
                     "of type " + type.en +
                         ", not listed; whether the clause's 等 covers it is "
                         "for a person to judge"});
      }
    }
    if (counted >= min_) return true;
    if (large_min_ && largest && *largest >= *large_min_) return true;
    violation v;
    v.path = "/records/events";
    const bool would_meet = counted + others >= min_ ||
                            (large_min_ && others_largest && *others_largest >= *large_min_);
    if (open_ && others > 0 && would_meet) {
      v.message = "review";
      v.level = severity::needs_review;
    }
    const localized c = quantity(n_, counted, unit_);
    // The largest event, where the rule needs attendance: a figure, or that none was given.
    localized top;
    if (per_event_min_ || large_min_) {
      if (largest) {
        const localized t = attendance_text(n_, attendance_, *largest);
        top = {std::string("最大一场") +
                   (attendance_ == attendance_field::offline_attendance ? "" : " ") + t.zh,
               "the largest had " + t.en};
      } else if (attendance_missing)
        top = missing_attendance(attendance_);
      else
        top = {"项目期内没有此类活动", "none held in the project period"};
    }
    v.found = c;
    if (!top.empty()) {
      v.found.zh += "；" + top.zh;
      v.found.en += "; " + top.en;
    }
    const localized s = skipped.summary();
    v.found.zh += s.zh;
    v.found.en += s.en;
    v.vars.emplace_back("count", c);
    v.vars.emplace_back("min", quantity(n_, min_, unit_));
    v.vars.emplace_back("per_event_min",
                        per_event_min_ ? quantity(n_, *per_event_min_, "person") : both(""));
    v.vars.emplace_back("large_min", large_min_ ? quantity(n_, *large_min_, "person") : both(""));
    v.vars.emplace_back("largest", top);
    v.vars.emplace_back("others", quantity(n_, others, unit_));
    v.vars.emplace_back("period", describe(period, ctx.app));
    v.vars.emplace_back("not_counted", skipped.render());
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override {
    return {"count",   "min",    "per_event_min", "large_min",
            "largest", "others", "period",        "not_counted"};
  }

  std::vector<std::string> message_names() const override {
    if (open_) return {"review"};
    return {};
  }

 private:
  const notice_data& n_;
  std::vector<std::string> types_;
  std::int64_t min_;
  attendance_field attendance_;
  period_spec period_;
  std::string unit_;
  std::optional<std::int64_t> per_event_min_;
  std::optional<std::int64_t> large_min_;
  std::optional<partner_spec> partner_;
  bool open_ = false;
  std::vector<std::string> except_;
};

}  // namespace

std::unique_ptr<requirement> make_event_count(const json& params, const std::string& path,
                                              const notice_data& n) {
  return std::make_unique<event_count>(params, path, n);
}

std::vector<param_info> event_count_params() { return describe<ecp>(event_count_desc); }
}  // namespace nxkx::detail
