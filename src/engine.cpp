#include "nxkx/engine.hpp"

#include <algorithm>
#include <exception>
#include <thread>
#include <unordered_map>

#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "requirements/requirement.hpp"

namespace nxkx {
namespace detail {
namespace {

using vars_t = std::vector<std::pair<std::string, localized>>;

/// Fills {placeholders}; the pack loader has checked that every one is known.
std::string render(const std::string& tpl, const vars_t& vars, const localized& found, lang l) {
  std::string out;
  out.reserve(tpl.size() + 32);
  std::size_t pos = 0;
  while (pos < tpl.size()) {
    std::size_t open = tpl.find('{', pos);
    if (open == std::string::npos) break;
    std::size_t close = tpl.find('}', open);
    if (close == std::string::npos) break;
    out.append(tpl, pos, open - pos);
    std::string_view name(tpl.data() + open + 1, close - open - 1);
    if (name == "found") {
      out += found.in(l);
    } else {
      for (const auto& [k, v] : vars)
        if (k == name) {
          out += v.in(l);
          break;
        }
    }
    pos = close + 1;
  }
  out.append(tpl, pos, std::string::npos);
  return out;
}

bool applies(const rule_info& r, const application& a) {
  if (!r.project_types.empty() && std::find(r.project_types.begin(), r.project_types.end(),
                                            a.project_type) == r.project_types.end())
    return false;
  if (!r.applicant_kinds.empty() && std::find(r.applicant_kinds.begin(), r.applicant_kinds.end(),
                                              a.lead.kind) == r.applicant_kinds.end())
    return false;
  return true;
}

finding make_finding(const compiled_rule& c, violation&& v, const contact* whom) {
  const rule_info& r = *c.info;
  finding f;
  f.rule_id = r.id;
  f.kind = r.kind;
  f.unknown = v.unknown;
  f.level = v.level ? *v.level : (v.unknown ? r.when_unknown : r.outcome);
  f.clauses = r.clauses;
  f.interpretation = r.interpretation;
  f.path = std::move(v.path);
  const localized& msg = v.unknown ? c.messages.unknown : c.messages.failed;
  f.message = {render(msg.zh, v.vars, v.found, lang::zh),
               render(msg.en, v.vars, v.found, lang::en)};
  f.expected = {render(c.messages.expected.zh, v.vars, v.found, lang::zh),
                render(c.messages.expected.en, v.vars, v.found, lang::en)};
  f.found = std::move(v.found);
  if (whom) f.whom_to_call = *whom;
  return f;
}

void decide(report& r) {
  std::stable_sort(r.findings.begin(), r.findings.end(),
                   [](const finding& a, const finding& b) { return a.level > b.level; });
  if (r.findings.empty()) {
    r.decision = r.stage == stage::completion ? decision::complete : decision::accepted;
    return;
  }
  switch (r.findings.front().level) {
    case severity::rejected:
      r.decision = decision::rejected;
      break;
    case severity::incomplete:
      r.decision = decision::incomplete;
      break;
    case severity::needs_review:
      r.decision = decision::needs_review;
      break;
  }
}

const project_type_info& type_of(const notice& n, const application& a) {
  const project_type_info* t = n.find_project_type(a.project_type);
  if (!t)
    throw input_error("input.unknown_code", "/project_type",
                      "unknown project type \"" + a.project_type + "\" for notice " + n.info().id);
  return *t;
}

}  // namespace
}  // namespace detail

report check(const notice& n, const application& a, const check_options& opt) {
  const detail::notice_data& d = n.data();
  const project_type_info& type = detail::type_of(n, a);
  report r;
  r.notice_id = d.info.id;
  r.stage = opt.stage;
  r.as_of = opt.as_of;
  r.application_id = a.id;
  r.title = a.title;
  r.project_type = a.project_type;
  r.applicant_name = a.lead.name;
  r.credit_code = a.lead.credit_code.value_or("");
  const contact* whom = n.find_contact(type.contact);
  detail::eval_context ctx{d, a, type, opt};
  std::vector<detail::violation> found;
  const std::size_t type_index = static_cast<std::size_t>(&type - d.project_types.data());
  for (const auto& c : d.compiled) {
    if (c.info->stage != opt.stage) continue;
    bool applied = c.applies(type_index, a.lead.kind);
    if (applied) {
      found.clear();
      applied = c.impl->evaluate(ctx, found);
    }
    if (opt.trace)
      r.trace.push_back({c.info->id, !applied        ? rule_status::not_applicable
                                     : found.empty() ? rule_status::passed
                                                     : rule_status::failed});
    if (!applied) continue;
    for (auto& v : found) r.findings.push_back(detail::make_finding(c, std::move(v), whom));
  }
  detail::decide(r);
  return r;
}

struct batch_checker::state {
  notice n;
  check_options opt;
  std::size_t next = 0;
  struct per_rule {
    const detail::compiled_rule* rule;
    const detail::batch_requirement* impl;
    std::unordered_map<std::string, detail::batch_requirement::seen> first;
  };
  std::vector<per_rule> rules;

  state(const notice& notice_in, check_options o) : n(notice_in), opt(o) {
    for (const auto& c : n.data().compiled)
      if (c.info->stage == opt.stage)
        if (const auto* b = c.impl->as_batch()) rules.push_back({&c, b, {}});
  }

  /// Adds what 三(一) says about `a` (the index-th of the batch) to its report.
  void judge_across(const application& a, report& r, std::size_t index) {
    const contact* whom = nullptr;
    if (const project_type_info* t = n.find_project_type(a.project_type))
      whom = n.find_contact(t->contact);
    bool changed = false;
    for (auto& pr : rules) {
      if (!detail::applies(*pr.rule->info, a)) continue;
      std::optional<std::string> key = pr.impl->key(a);
      if (!key) continue;
      rule_status status = rule_status::passed;
      auto [it, inserted] = pr.first.try_emplace(std::move(*key));
      if (inserted) {
        it->second = {index, a.project_type, detail::applicant_key(a.lead)};
      } else if (pr.impl->conflicts(it->second, a)) {
        r.findings.push_back(
            detail::make_finding(*pr.rule, pr.impl->describe(it->second, a), whom));
        status = rule_status::failed;
        changed = true;
      }
      for (auto& t : r.trace)
        if (t.rule_id == pr.rule->info->id) t.status = status;
    }
    if (changed) detail::decide(r);
  }
};

batch_checker::batch_checker(const notice& n, check_options opt)
    : s_(std::make_unique<state>(n, opt)) {}
batch_checker::~batch_checker() = default;
batch_checker::batch_checker(batch_checker&&) noexcept = default;
batch_checker& batch_checker::operator=(batch_checker&&) noexcept = default;

report batch_checker::add(const application& a) {
  report r = check(s_->n, a, s_->opt);
  s_->judge_across(a, r, s_->next++);
  return r;
}

std::vector<report> check_batch(const notice& n, std::span<const application> apps,
                                const check_options& opt) {
  std::vector<report> out(apps.size());
  unsigned threads =
      std::max(1u, std::min<unsigned>(opt.threads, static_cast<unsigned>(apps.size())));
  if (threads <= 1) {
    for (std::size_t i = 0; i < apps.size(); ++i) out[i] = check(n, apps[i], opt);
  } else {
    std::vector<std::exception_ptr> errors(threads);
    std::vector<std::thread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&, t] {
        try {
          for (std::size_t i = t; i < apps.size(); i += threads) out[i] = check(n, apps[i], opt);
        } catch (...) {
          errors[t] = std::current_exception();
        }
      });
    }
    for (auto& th : pool) th.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  batch_checker::state across(n, opt);
  for (std::size_t i = 0; i < apps.size(); ++i) across.judge_across(apps[i], out[i], i);
  return out;
}

}  // namespace nxkx
