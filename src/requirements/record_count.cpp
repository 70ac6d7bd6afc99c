// Kind "record_count": enough qualifying items of one list of records (项目内容, completion
// stage): 科技成果 transferred with an economic benefit, items filed on 科创中国·宁夏中心,
// 主流媒体 reports, nationally known experts. Dated records count only within the project
// period; a record counts once (RULES §3: a transfer by its title, a platform item by kind and
// title, a report by outlet and title, an expert by name and affiliation); every item that does
// not count is named in the finding with the reason.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "requirements/params.hpp"
#include "requirements/records_support.hpp"

namespace nxkx::detail {
namespace {

enum class record_list { transfers, platform_items, media_reports, experts };

std::string format_amount(double yuan) {
  // Whole yuan as an integer, otherwise two decimals: "0", "-1200", "0.50".
  if (std::abs(yuan) < 1e15 && yuan == std::trunc(yuan))
    return std::to_string(static_cast<std::int64_t>(yuan));
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", yuan);
  return buf;
}

struct record_count_params {
  std::string records;
  std::int64_t min = 0;
  std::string unit = "item";
  const json* period = nullptr;
  std::optional<double> benefit_above;
  std::optional<std::vector<std::string>> kinds;
  bool mainstream = false;
  bool nationally_known = false;
};

using rcp = record_count_params;
constexpr param<rcp> record_count_desc[] = {
    {"records", &rcp::records,
     "which list: `transfers`, `platform_items`, `media_reports`, `experts`", true},
    {"min", &rcp::min, "at least this many records", true, 1},
    {"unit", &rcp::unit, "a code of `unit.*` the count is shown in"},
    {"period", &rcp::period, "`{start, end}`: the project period (required but for `experts`)",
     false, 0, "object"},
    {"benefit_above", &rcp::benefit_above,
     "`transfers`: a transfer counts with an economic benefit above this (yuan)"},
    {"kinds", &rcp::kinds, "`platform_items`: the `platform_item_kind.*` codes that count"},
    {"mainstream", &rcp::mainstream, "`media_reports`: only reports in a 主流媒体 count"},
    {"nationally_known", &rcp::nationally_known, "`experts`: only nationally known experts count"},
};

class record_count final : public requirement {
 public:
  record_count(const json& params, const std::string& path, const notice_data& n)
      : record_count(read_params<rcp>(params, path, record_count_desc), params, path, n) {}

  record_count(const rcp& p, const json& params, const std::string& path, const notice_data& n)
      : n_(n), unit_(unit_code(p.unit, child(path, "unit"), n)) {
    const std::string& list = p.records;
    if (list == "transfers")
      list_ = record_list::transfers;
    else if (list == "platform_items")
      list_ = record_list::platform_items;
    else if (list == "media_reports")
      list_ = record_list::media_reports;
    else if (list == "experts")
      list_ = record_list::experts;
    else
      pack_fail(child(path, "records"),
                "unknown records \"" + list +
                    "\"; expected transfers, platform_items, media_reports or experts",
                "pack.unknown_code");
    min_ = p.min;
    // Each list has its own condition; a parameter of another list is a mistake in the pack.
    std::vector<std::string_view> allowed{"records", "min", "unit"};
    switch (list_) {
      case record_list::transfers:
        allowed.insert(allowed.end(), {"period", "benefit_above"});
        if (p.benefit_above) benefit_above_ = *p.benefit_above;
        break;
      case record_list::platform_items:
        allowed.insert(allowed.end(), {"period", "kinds"});
        if (p.kinds)
          kinds_ = vocabulary_codes(*p.kinds, child(path, "kinds"), n, "platform_item_kind");
        break;
      case record_list::media_reports:
        allowed.insert(allowed.end(), {"period", "mainstream"});
        mainstream_ = p.mainstream;
        break;
      case record_list::experts:
        allowed.insert(allowed.end(), {"nationally_known"});
        nationally_known_ = p.nationally_known;
        break;
    }
    for (const auto& [key, value] : params.items())
      if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
        pack_fail(child(path, key), "unknown field \"" + key + "\" for records \"" + list + "\"",
                  "pack.unknown_field");
    if (list_ != record_list::experts)
      period_ = period_spec::from_json(p.period, child(path, "period"));
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const records& r = ctx.app.records;
    std::optional<project_period> period;
    if (period_) period = period_->resolve(ctx);
    std::size_t counted = 0;
    not_counted skipped(n_);
    record_keys keys;
    // `key`: what makes two records the same one; "" when it cannot be told (no title …).
    auto judge = [&](std::string path, std::optional<localized> why, const std::string& key) {
      if (!why)
        if (auto first = keys.repeat_of(key, path)) why = record_keys::reason(*first);
      if (why)
        skipped.add(std::move(path), *why);
      else
        ++counted;
    };
    auto joined = [](std::string_view a, std::string_view b) {
      const std::string x = key_part(a), y = key_part(b);
      return x.empty() || y.empty() ? std::string() : x + '\x1f' + y;
    };
    std::string base = "/records/" + std::string(list_name());
    switch (list_) {
      case record_list::transfers:
        for (std::size_t i = 0; i < r.transfers.size(); ++i)
          judge(base + "/" + std::to_string(i), transfer_problem(r.transfers[i], *period),
                key_part(r.transfers[i].title));
        break;
      case record_list::platform_items:
        for (std::size_t i = 0; i < r.platform_items.size(); ++i) {
          const platform_item& it = r.platform_items[i];
          std::optional<localized> why;
          if (!kinds_.empty() && std::find(kinds_.begin(), kinds_.end(), it.kind) == kinds_.end())
            why = localized{"类型为" + ctx.n.label_or_code("platform_item_kind", it.kind).zh,
                            "of kind " + ctx.n.label_or_code("platform_item_kind", it.kind).en};
          else
            why = date_problem(it.filed_on, *period);
          judge(base + "/" + std::to_string(i), why, joined(it.kind, it.title));
        }
        break;
      case record_list::media_reports:
        for (std::size_t i = 0; i < r.media_reports.size(); ++i) {
          const media_report& m = r.media_reports[i];
          std::optional<localized> why;
          if (mainstream_ && !m.mainstream)
            why = localized{"未说明是否主流媒体", "mainstream not stated"};
          else if (mainstream_ && !*m.mainstream)
            why = localized{"非主流媒体", "not a mainstream outlet"};
          else
            why = date_problem(m.published_on, *period);
          judge(base + "/" + std::to_string(i), why, joined(m.outlet, m.title));
        }
        break;
      case record_list::experts:
        for (std::size_t i = 0; i < r.experts.size(); ++i) {
          const expert& e = r.experts[i];
          std::optional<localized> why;
          if (nationally_known_ && !e.nationally_known)
            why = localized{"未说明是否全国知名", "national standing not stated"};
          else if (nationally_known_ && !*e.nationally_known)
            why = localized{"非全国知名专家", "not nationally known"};
          judge(base + "/" + std::to_string(i), why, joined(e.name, e.affiliation));
        }
        break;
    }
    if (static_cast<std::int64_t>(counted) >= min_) return true;
    violation v;
    v.path = base;
    const localized c = quantity(n_, static_cast<std::int64_t>(counted), unit_);
    const localized s = skipped.summary();
    v.found = {c.zh + s.zh, c.en + s.en};
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

 private:
  std::string_view list_name() const {
    switch (list_) {
      case record_list::transfers:
        return "transfers";
      case record_list::platform_items:
        return "platform_items";
      case record_list::media_reports:
        return "media_reports";
      case record_list::experts:
        return "experts";
    }
    return "";
  }

  std::optional<localized> transfer_problem(const transfer& t, const project_period& p) const {
    if (auto why = date_problem(t.transferred_on, p)) return why;
    if (benefit_above_) {
      if (!t.economic_benefit) return localized{"未填经济效益", "no economic benefit given"};
      if (!(*t.economic_benefit > *benefit_above_)) {
        const std::string b = format_amount(*t.economic_benefit);
        return localized{"经济效益 " + b + " 元", "economic benefit " + b + " yuan"};
      }
    }
    return std::nullopt;
  }

  const notice_data& n_;
  std::string unit_;
  record_list list_ = record_list::transfers;
  std::int64_t min_ = 1;
  std::optional<period_spec> period_;
  std::optional<double> benefit_above_;
  std::vector<std::string> kinds_;
  bool mainstream_ = false;
  bool nationally_known_ = false;
};

}  // namespace

std::unique_ptr<requirement> make_record_count(const json& params, const std::string& path,
                                               const notice_data& n) {
  return std::make_unique<record_count>(params, path, n);
}

std::vector<param_info> record_count_params() { return describe<rcp>(record_count_desc); }
}  // namespace nxkx::detail
