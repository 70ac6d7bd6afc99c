// Kind "submission_deadline": the date that counts for a submission is on or before a deadline
// (inclusive). Which date counts depends on how the form was sent (三(四): 以快递发出日期为准):
// the pack maps each delivery method to a date field (`date_by_delivery`). Or the rule judges
// the e-mailed Word version's date (`"date": "word_version.sent_on"`), which, with
// `not_after_check`, may not be after the date of the check either. The deadline is a date, or
// "as_of" for the date of the check itself. With `late_if_absent`, once the check is made after
// the deadline, an application with no dated paper submission at all was not submitted in time
// (template "absent"): before the deadline it is only unknown (it can still be sent).
#include <utility>
#include <vector>

#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

/// A date declaration of the submission, by its index.
std::optional<date> date_of(const submission& s, std::size_t index) {
  if (const date* d = std::get_if<date>(&s.declared.at(index))) return *d;
  return std::nullopt;
}

struct submission_deadline_params {
  std::string deadline;
  std::optional<std::string> date;
  bool not_after_check = false;
  bool late_if_absent = false;
  std::optional<std::string> opens;
  std::optional<std::string> received;
  std::string submission = "application";
};

using sdp = submission_deadline_params;
constexpr param<sdp> submission_deadline_desc[] = {
    {"deadline", &sdp::deadline,
     "`application_deadline` (the notice's), `completion_deadline` (the project type's) or "
     "`as_of` (not after the check date)",
     true},
    {"opens", &sdp::opens,
     "`application_opens`: not before the notice's opening date (message `early`)"},
    {"date", &sdp::date,
     "a date declaration of scope `application` or `submission` judged instead of the paper "
     "form's, or `word_version.sent_on`"},
    {"received", &sdp::received,
     "the submission date declaration that counts when no other is known"},
    {"late_if_absent", &sdp::late_if_absent,
     "past the application deadline, no dated submission is late (message `absent`)"},
    {"not_after_check", &sdp::not_after_check,
     "with `word_version.sent_on`: not after the check date either (message `after_check`)"},
    {"submission", &sdp::submission,
     "whose submission is judged: `application` (/submission, the default) or `completion` "
     "(/completion/submission, for a rule at completion)"},
};

class submission_deadline final : public requirement {
 public:
  submission_deadline(const json& params, const std::string& path, const notice_data& n)
      : submission_deadline(read_params<sdp>(params, path, submission_deadline_desc), path, n) {}

  submission_deadline(const sdp& p, const std::string& path, const notice_data& n) {
    if (p.submission == "completion")
      completion_ = true;
    else if (p.submission != "application")
      pack_fail(child(path, "submission"),
                "expected \"application\" (/submission) or \"completion\" "
                "(/completion/submission)");
    const std::string& dl = p.deadline;
    if (dl == "as_of") {
      use_as_of_ = true;
    } else if (dl == "application_deadline") {
      if (!n.info.application_deadline)
        pack_fail(child(path, "deadline"),
                  "the notice states no application deadline (/notice/application_deadline is "
                  "null): no rule can judge by it; use \"as_of\", or \"completion_deadline\" "
                  "with a date declaration");
      deadline_ = *n.info.application_deadline;
    } else if (dl == "completion_deadline") {
      use_completion_ = true;
    } else {
      pack_fail(child(path, "deadline"),
                "expected \"application_deadline\" (the notice's, /notice/application_deadline), "
                "\"completion_deadline\" (the project type's) or \"as_of\" (the date of the "
                "check); a date is written once, in /notice or /project_types");
    }
    if (p.opens) {
      if (*p.opens != "application_opens" || !n.info.application_opens)
        pack_fail(child(path, "opens"),
                  "expected \"application_opens\", with /notice/application_opens given");
      opens_ = n.info.application_opens;
    }
    skip_unknown_ = use_as_of_;
    late_if_absent_ = p.late_if_absent;
    not_after_check_ = p.not_after_check;
    if (late_if_absent_ && (use_as_of_ || use_completion_))
      pack_fail(child(path, "late_if_absent"), "needs the application deadline");
    if (p.date) {
      const std::string& name = *p.date;
      if (name != "word_version.sent_on") {
        // Any date declaration of the application or of its submission: that date, judged.
        for (declaration_scope sc : {declaration_scope::application, declaration_scope::submission})
          if (const std::size_t i = n.declaration(name, sc);
              i != static_cast<std::size_t>(-1) && n.declarations[i].type == declaration_type::day)
            declared_ = std::pair{i, sc};
        if (!declared_)
          pack_fail(child(path, "date"),
                    "expected \"word_version.sent_on\" or the name of a date declaration of "
                    "scope application or submission; \"" +
                        name + "\" is none");
        if (late_if_absent_ || opens_ || p.received || not_after_check_)
          pack_fail(child(path, "date"),
                    "a declared date takes neither late_if_absent, opens, received nor "
                    "not_after_check");
        return;
      }
      if (late_if_absent_ || opens_ || p.received)
        pack_fail(child(path, "date"),
                  "the Word version's date takes neither late_if_absent, opens nor received");
      word_version_ = true;
      return;
    }
    if (not_after_check_)
      pack_fail(child(path, "not_after_check"), "is for the Word version's date");
    if (n.delivery_methods.empty())
      pack_fail(path, "the pack names no delivery method (/delivery_methods)");
    for (const delivery_method_info& m : n.delivery_methods)
      by_method_.emplace_back(m.code, n.declaration(m.date, declaration_scope::submission));
    if (p.received) {
      const std::string& name = *p.received;
      received_ = n.declaration(name, declaration_scope::submission);
      if (*received_ == static_cast<std::size_t>(-1))
        pack_fail(child(path, "received"),
                  "\"" + name + "\" is not a date declaration of the submission",
                  "pack.unknown_code");
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    if (declared_) return declared_date(ctx, out);
    return word_version_ ? word_date(ctx, out) : paper_date(ctx, out);
  }

  std::vector<std::string_view> variables() const override {
    return {"deadline", "method", "as_of", "opens"};
  }

  std::vector<std::string> message_names() const override {
    std::vector<std::string> out;
    if (late_if_absent_) out.emplace_back("absent");
    if (not_after_check_) out.emplace_back("after_check");
    if (opens_) out.emplace_back("early");
    return out;
  }

 private:
  /// The submission judged: the application's, or the completion stage's ("submission").
  const submission& judged(const eval_context& ctx) const {
    return completion_ ? ctx.app.completion.submission : ctx.app.submission;
  }
  std::string prefix() const { return completion_ ? "/completion/submission/" : "/submission/"; }

  date limit_of(const eval_context& ctx) const {
    if (use_as_of_) return ctx.opt.as_of;
    if (use_completion_) return ctx.type.completion_deadline;
    return deadline_;
  }

  /// A date declaration of the application or its submission, on or before the deadline.
  bool declared_date(const eval_context& ctx, std::vector<violation>& out) const {
    const auto [index, scope] = *declared_;
    const declarations& values =
        scope == declaration_scope::submission ? judged(ctx).declared : ctx.app.declared;
    const date* d = std::get_if<date>(&values.at(index));
    const date limit = limit_of(ctx);
    if (d != nullptr && *d <= limit) return true;
    const declaration_info& info = ctx.n.declarations[index];
    violation v;
    v.path = (scope == declaration_scope::submission ? prefix() : "/") + info.name;
    v.vars.emplace_back("deadline", both(format_date(limit)));
    v.vars.emplace_back("as_of", both(format_date(ctx.opt.as_of)));
    v.vars.emplace_back("opens", both(""));
    v.vars.emplace_back("method", info.title);
    if (d == nullptr) {
      v.unknown = true;
      v.found = {"未填写", "not given"};
    } else {
      v.found = both(format_date(*d));
    }
    out.push_back(std::move(v));
    return true;
  }

  /// The e-mailed Word version: sent by the deadline, and not after the check.
  bool word_date(const eval_context& ctx, std::vector<violation>& out) const {
    const word_version& w = judged(ctx).word_version;
    if (w.emailed == false || !w.sent_on) return false;  // submission.word_version says so
    const date limit = limit_of(ctx);
    const bool after_check = not_after_check_ && *w.sent_on > ctx.opt.as_of;
    if (!after_check && *w.sent_on <= limit) return true;
    violation v;
    v.path = prefix() + "word_version/sent_on";
    v.found = both(format_date(*w.sent_on));
    v.vars.emplace_back("deadline", both(format_date(limit)));
    v.vars.emplace_back("as_of", both(format_date(ctx.opt.as_of)));
    if (after_check) v.message = "after_check";
    out.push_back(std::move(v));
    return true;
  }

  bool paper_date(const eval_context& ctx, std::vector<violation>& out) const {
    const submission& s = judged(ctx);
    const date limit = limit_of(ctx);
    // The date that counts: the delivery method's (三(四): by courier the dispatch date).
    const std::pair<std::string, std::size_t>* method = nullptr;
    if (s.delivery) {
      for (const auto& m : by_method_)
        if (m.first == *s.delivery) method = &m;
    } else {
      // The form left the method out, but only one method's date is given: that date tells it.
      for (const auto& m : by_method_) {
        if (!date_of(s, m.second)) continue;
        if (method != nullptr) {
          method = nullptr;
          break;
        }
        method = &m;
      }
    }
    // The common case first, before a message is prepared: in time.
    std::optional<date> counted = method ? date_of(s, method->second) : std::nullopt;
    if (counted && *counted <= limit && (!opens_ || *counted >= *opens_)) return true;
    violation v;
    v.vars.emplace_back("deadline", both(format_date(limit)));
    v.vars.emplace_back("as_of", both(format_date(ctx.opt.as_of)));
    v.vars.emplace_back("opens", both(opens_ ? format_date(*opens_) : std::string()));
    if (method) {
      const declaration_info& d = ctx.n.declarations[method->second];
      v.path = prefix() + d.name;
      v.vars.emplace_back("method", d.title);
    } else {
      v.path = prefix() + "delivery";
      v.vars.emplace_back("method", localized{"提交方式", "delivery method"});
    }
    if (!counted) {
      if (skip_unknown_) return false;
      // Dispatched or handed in no later than it was received: a receipt in time is enough.
      if (received_) {
        const std::optional<date> r = date_of(s, *received_);
        if (r && *r <= limit && (!opens_ || *r >= *opens_)) return true;
      }
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
    const localized& m = v.vars.back().second;
    v.found = {format_date(*counted) + "（" + m.zh + "）",
               format_date(*counted) + " (" + m.en + ")"};
    if (opens_ && *counted < *opens_) v.message = "early";
    out.push_back(std::move(v));
    return true;
  }

  bool completion_ = false;  ///< judges /completion/submission
  bool use_as_of_ = false;
  bool use_completion_ = false;  ///< the project type's completion deadline
  /// "date": a date declaration (its index and scope) instead of the paper form's date.
  std::optional<std::pair<std::size_t, declaration_scope>> declared_;
  bool skip_unknown_ = false;
  bool late_if_absent_ = false;
  bool not_after_check_ = false;
  bool word_version_ = false;
  date deadline_{};
  std::optional<date> opens_;
  std::optional<std::size_t> received_;
  std::vector<std::pair<std::string, std::size_t>> by_method_;
};

}  // namespace

std::unique_ptr<requirement> make_submission_deadline(const json& params, const std::string& path,
                                                      const notice_data& n) {
  return std::make_unique<submission_deadline>(params, path, n);
}

std::vector<param_info> submission_deadline_params() {
  return describe<sdp>(submission_deadline_desc);
}
}  // namespace nxkx::detail
