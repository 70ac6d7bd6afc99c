// Kind "submission_deadline": the date that counts for a submission is on or before a deadline
// (inclusive). Which date counts depends on how the form was sent (三(四): 以快递发出日期为准):
// the pack maps each delivery method to a date field. The deadline is a date, or "as_of" for
// the date of the check itself.
#include <map>

#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

enum class date_field { dispatch_date, handed_in_date, received_date };

std::optional<date> read_field(const submission& s, date_field f) {
  switch (f) {
    case date_field::dispatch_date:
      return s.dispatch_date;
    case date_field::handed_in_date:
      return s.handed_in_date;
    case date_field::received_date:
      return s.received_date;
  }
  return std::nullopt;
}

std::string_view field_name(date_field f) {
  switch (f) {
    case date_field::dispatch_date:
      return "dispatch_date";
    case date_field::handed_in_date:
      return "handed_in_date";
    case date_field::received_date:
      return "received_date";
  }
  return "";
}

class submission_deadline final : public requirement {
 public:
  submission_deadline(const json& params, const std::string& path) {
    std::string dl = text_at(params, "deadline", path);
    if (dl == "as_of") {
      use_as_of_ = true;
    } else {
      deadline_ = date_at(params, "deadline", path);
    }
    skip_unknown_ = use_as_of_;
    const json& map = member(params, "date_by_delivery", path);
    std::string mp = child(path, "date_by_delivery");
    if (!map.is_object()) pack_fail(mp, "expected an object");
    for (const auto& [method, field] : map.items()) {
      auto m = from_code<delivery_method>(method);
      if (!m) pack_fail(child(mp, method), "unknown delivery method \"" + method + "\"");
      std::string f = text(field, child(mp, method));
      if (f == "dispatch_date")
        by_method_[*m] = date_field::dispatch_date;
      else if (f == "handed_in_date")
        by_method_[*m] = date_field::handed_in_date;
      else if (f == "received_date")
        by_method_[*m] = date_field::received_date;
      else
        pack_fail(child(mp, method), "unknown date field \"" + f + "\"");
    }
    for (const auto& [m, name] : code_table<delivery_method>::items)
      if (!by_method_.count(m))
        pack_fail(mp, "no date field for delivery method \"" + std::string(name) + "\"");
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const submission& s = ctx.app.submitted;
    date limit = use_as_of_ ? ctx.opt.as_of : deadline_;
    std::optional<delivery_method> method = s.delivery;
    // The form left the method out, but only one kind of date is given: that date tells it.
    if (!method) {
      if (s.dispatch_date && !s.handed_in_date)
        method = delivery_method::courier;
      else if (s.handed_in_date && !s.dispatch_date)
        method = delivery_method::in_person;
    }
    // The common case first, before a message is prepared: in time.
    if (method) {
      const std::optional<date> given = read_field(s, by_method_.at(*method));
      if (given && *given <= limit) return true;
    }
    violation v;
    v.vars.emplace_back("deadline", both(format_date(limit)));
    std::optional<date> counted;
    if (method) {
      date_field f = by_method_.at(*method);
      counted = read_field(s, f);
      v.path = "/submission/" + std::string(field_name(f));
      v.vars.emplace_back("method", ctx.n.label_or_code("submission_date", field_name(f)));
    } else {
      v.path = "/submission/delivery";
      v.vars.emplace_back("method", localized{"提交方式", "delivery method"});
    }
    if (!counted) {
      if (skip_unknown_) return false;
      // Dispatched or handed in no later than it was received: a receipt in time is enough.
      if (s.received_date && *s.received_date <= limit) return true;
      v.unknown = true;
      v.found = {"未填写", "not given"};
      out.push_back(std::move(v));
      return true;
    }
    if (*counted <= limit) return true;
    const localized& m = v.vars.back().second;
    v.found = {format_date(*counted) + "（" + m.zh + "）",
               format_date(*counted) + " (" + m.en + ")"};
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"deadline", "method"}; }

 private:
  bool use_as_of_ = false;
  bool skip_unknown_ = false;
  date deadline_{};
  std::map<delivery_method, date_field> by_method_;
};

}  // namespace

std::unique_ptr<requirement> make_submission_deadline(const json& params, const std::string& path,
                                                      const notice_data&) {
  return std::make_unique<submission_deadline>(params, path);
}

}  // namespace nxkx::detail
