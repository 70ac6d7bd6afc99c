// Kind "submission_deadline": the date that counts for a submission is on or before a deadline
// (inclusive). Which date counts depends on how the form was sent (三(四): 以快递发出日期为准):
// the pack maps each delivery method to a date field (`date_by_delivery`). Or the rule judges
// the e-mailed Word version's date (`"date": "word_version.sent_on"`), which, with
// `not_after_check`, may not be after the date of the check either. The deadline is a date, or
// "as_of" for the date of the check itself. With `late_if_absent`, once the check is made after
// the deadline, an application with no dated paper submission at all was not submitted in time
// (template "absent"): before the deadline it is only unknown (it can still be sent).
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
    for (const auto& [key, value] : params.items())
      if (key != "deadline" && key != "date_by_delivery" && key != "date" &&
          key != "not_after_check" && key != "late_if_absent")
        pack_fail(child(path, key), "unknown field \"" + key + "\"", "pack.unknown_field");
    std::string dl = text_at(params, "deadline", path);
    if (dl == "as_of") {
      use_as_of_ = true;
    } else {
      deadline_ = date_at(params, "deadline", path);
    }
    skip_unknown_ = use_as_of_;
    late_if_absent_ = flag(params, "late_if_absent", path);
    not_after_check_ = flag(params, "not_after_check", path);
    if (late_if_absent_ && use_as_of_)
      pack_fail(child(path, "late_if_absent"), "needs a deadline that is a date");
    if (const json* d = optional_member(params, "date")) {
      if (text(*d, child(path, "date")) != "word_version.sent_on")
        pack_fail(child(path, "date"), "expected \"word_version.sent_on\"");
      if (optional_member(params, "date_by_delivery") || late_if_absent_)
        pack_fail(child(path, "date"),
                  "the Word version's date takes neither date_by_delivery nor late_if_absent");
      word_version_ = true;
      return;
    }
    if (not_after_check_)
      pack_fail(child(path, "not_after_check"), "is for the Word version's date");
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
    return word_version_ ? word_date(ctx, out) : paper_date(ctx, out);
  }

  std::vector<std::string_view> variables() const override {
    return {"deadline", "method", "as_of"};
  }

  std::vector<std::string> message_names() const override {
    std::vector<std::string> out;
    if (late_if_absent_) out.emplace_back("absent");
    if (not_after_check_) out.emplace_back("after_check");
    return out;
  }

 private:
  static bool flag(const json& params, std::string_view key, const std::string& path) {
    const json* v = optional_member(params, key);
    if (!v) return false;
    if (!v->is_boolean()) pack_fail(child(path, key), "expected true or false");
    return v->get<bool>();
  }

  /// The e-mailed Word version: sent by the deadline, and not after the check.
  bool word_date(const eval_context& ctx, std::vector<violation>& out) const {
    const word_version& w = ctx.app.submitted.word;
    if (w.emailed == false || !w.sent_on) return false;  // submission.word_version says so
    const date limit = use_as_of_ ? ctx.opt.as_of : deadline_;
    const bool after_check = not_after_check_ && *w.sent_on > ctx.opt.as_of;
    if (!after_check && *w.sent_on <= limit) return true;
    violation v;
    v.path = "/submission/word_version/sent_on";
    v.found = both(format_date(*w.sent_on));
    v.vars.emplace_back("deadline", both(format_date(limit)));
    v.vars.emplace_back("as_of", both(format_date(ctx.opt.as_of)));
    if (after_check) v.message = "after_check";
    out.push_back(std::move(v));
    return true;
  }

  bool paper_date(const eval_context& ctx, std::vector<violation>& out) const {
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
    v.vars.emplace_back("as_of", both(format_date(ctx.opt.as_of)));
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
      v.found = {"未填写", "not given"};
      if (late_if_absent_ && ctx.opt.as_of > limit) {
        // 三(四): the deadline has passed and nothing dated was sent — late, not incomplete
        // (incomplete means it could still be corrected in time).
        v.message = "absent";
        v.found = {"截至 " + format_date(ctx.opt.as_of) + " 无注明日期的纸质申报书",
                   "no dated paper submission as of " + format_date(ctx.opt.as_of)};
      } else {
        v.unknown = true;
      }
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

  bool use_as_of_ = false;
  bool skip_unknown_ = false;
  bool late_if_absent_ = false;
  bool not_after_check_ = false;
  bool word_version_ = false;
  date deadline_{};
  std::map<delivery_method, date_field> by_method_;
};

}  // namespace

std::unique_ptr<requirement> make_submission_deadline(const json& params, const std::string& path,
                                                      const notice_data&) {
  return std::make_unique<submission_deadline>(params, path);
}

}  // namespace nxkx::detail
