#include "nxkx/engine.hpp"

#include <algorithm>
#include <exception>
#include <random>
#include <stdexcept>
#include <thread>

#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "requirements/requirement.hpp"
#include "siphash.hpp"

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
    throw input_error(
        "input.unknown_code", "/project_type",
        "unknown project type \"" + a.project_type + "\" for notice " + n.info().id,
        "项目类型 \"" + a.project_type + "\" 不是通知 " + n.info().id + " 的项目类型");
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
  r.origin = a.origin;
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

namespace detail {
namespace {

/// The first application of each key of one rule, for duplicate detection over a stream of
/// any length. Neither the key nor the owner is kept as text, only 128-bit keyed hashes
/// (SipHash-2-4 with a random key per process): memory grows by a 32-byte record a key, plus 11
/// to 21 bytes of index (8-byte slots, from three eighths to three quarters full).
///
/// Two distinct keys of a batch of n keys share a hash with a probability of about n² / 2¹²⁹:
/// 10⁻²⁷ for a million keys, 10⁻²¹ for a billion, far below the odds of a hardware fault. With
/// a random key no input can be made to collide on purpose. The owner is compared with the one
/// earlier owner of its key, not looked up among all of them, so 64 bits of it suffice (a
/// conflict is missed with a probability of 2⁻⁶⁴ per duplicate).
class first_seen_table {
 public:
  struct record {
    hash128 key;
    std::uint64_t index;  ///< 0-based position in the batch of the first application
    std::uint64_t owner;
  };

  /// The record of `key`, and whether it was just added with `index` and `owner`.
  std::pair<const record*, bool> find_or_add(const hash128& key, std::uint64_t index,
                                             std::uint64_t owner) {
    if ((size_ + 1) * 4 > slots_.size() * 3) grow();
    const std::size_t mask = slots_.size() - 1;
    const auto tag = static_cast<std::uint32_t>(key[1] >> 32);
    for (std::size_t i = key[0] & mask;; i = (i + 1) & mask) {
      slot& s = slots_[i];
      if (s.ref == 0) {
        if (size_ == max_records) throw std::length_error("duplicate detection: too many keys");
        if ((size_ >> block_bits) == blocks_.size())
          blocks_.push_back(std::make_unique<record[]>(std::size_t{1} << block_bits));
        record& r = at(size_);
        r = {key, index, owner};
        s = {tag, static_cast<std::uint32_t>(++size_)};
        return {&r, true};
      }
      if (s.tag == tag) {
        const record& r = at(s.ref - 1);
        if (r.key == key) return {&r, false};
      }
    }
  }

 private:
  struct slot {
    std::uint32_t tag;  ///< 32 more bits of the hash, to skip most records without reading them
    std::uint32_t ref;  ///< record number + 1; 0: empty
  };
  static constexpr std::size_t block_bits = 14;  // 16,384 records (512 KiB) a block
  static constexpr std::size_t max_records = 0xffffffffu;

  record& at(std::size_t i) {
    return blocks_[i >> block_bits][i & ((std::size_t{1} << block_bits) - 1)];
  }

  void grow() {
    std::vector<slot> bigger(std::max<std::size_t>(64, slots_.size() * 2));
    const std::size_t mask = bigger.size() - 1;
    for (const slot& s : slots_) {
      if (s.ref == 0) continue;
      std::size_t i = at(s.ref - 1).key[0] & mask;
      while (bigger[i].ref != 0) i = (i + 1) & mask;
      bigger[i] = s;
    }
    slots_ = std::move(bigger);
  }

  std::vector<std::unique_ptr<record[]>> blocks_;  // blocks: no copying as the table grows
  std::size_t size_ = 0;
  std::vector<slot> slots_;  // open addressing, linear probing, a power of two long
};

/// The hash of keys, with a random key drawn once a process, so that no input can choose its
/// hashes.
const siphash128& key_hash() {
  static const siphash128 h = [] {
    std::uint64_t k[2] = {0x6e786b78u, 0x3328e4b8u};  // if no random source can be had
    try {
      std::random_device rd;
      for (auto& w : k) w = (std::uint64_t{rd()} << 32) ^ rd();
    } catch (const std::exception&) {
    }
    return siphash128(k[0], k[1]);
  }();
  return h;
}

}  // namespace
}  // namespace detail

struct batch_checker::state {
  notice n;
  check_options opt;
  std::uint64_t next = 0;
  const detail::siphash128& hash = detail::key_hash();
  struct per_rule {
    const detail::compiled_rule* rule;
    const detail::batch_requirement* impl;
    detail::first_seen_table first;
  };
  std::vector<per_rule> rules;

  state(const notice& notice_in, check_options o) : n(notice_in), opt(o) {
    for (const auto& c : n.data().compiled)
      if (c.info->stage == opt.stage)
        if (const auto* b = c.impl->as_batch()) rules.push_back({&c, b, {}});
  }

  /// check(), and the hashes of the keys 三(一) looks at; the rules judged across the batch
  /// are traced as passed (judge() marks the ones that fail).
  prepared prepare(const application& a) const {
    prepared p{check(n, a, opt), {}};  // throws for an unknown project type
    const std::size_t type_index = static_cast<std::size_t>(n.find_project_type(a.project_type) -
                                                            n.data().project_types.data());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const per_rule& pr = rules[i];
      if (!pr.rule->applies(type_index, a.lead.kind)) continue;
      const std::optional<std::string> key = pr.impl->key(a);
      if (!key) continue;
      prepared::key k;
      k.rule = i;
      const detail::hash128 h = hash(*key);
      k.hash[0] = h[0];
      k.hash[1] = h[1];
      if (const std::optional<std::string> owner = pr.impl->owner(a)) {
        k.owner = hash(*owner)[0];
        k.has_owner = true;
      }
      p.keys.push_back(k);
      for (auto& t : p.r.trace)
        if (t.rule_id == pr.rule->info->id) t.status = rule_status::passed;
    }
    return p;
  }

  /// Adds what 三(一) says about `a`, the next of the batch, to its report.
  bool judge(const application& a, prepared& p) {
    const std::uint64_t index = next++;
    const contact* whom = nullptr;
    bool changed = false;
    for (const prepared::key& k : p.keys) {
      per_rule& pr = rules.at(k.rule);
      const auto [first, added] = pr.first.find_or_add({k.hash[0], k.hash[1]}, index, k.owner);
      if (added || (k.has_owner && first->owner == k.owner)) continue;
      if (!whom)
        if (const project_type_info* t = n.find_project_type(a.project_type))
          whom = n.find_contact(t->contact);
      p.r.findings.push_back(
          detail::make_finding(*pr.rule, pr.impl->describe({first->index}, a), whom));
      for (auto& t : p.r.trace)
        if (t.rule_id == pr.rule->info->id) t.status = rule_status::failed;
      changed = true;
    }
    if (changed) detail::decide(p.r);
    return changed;
  }
};

batch_checker::batch_checker(const notice& n, check_options opt)
    : s_(std::make_unique<state>(n, opt)) {}
batch_checker::~batch_checker() = default;
batch_checker::batch_checker(batch_checker&&) noexcept = default;
batch_checker& batch_checker::operator=(batch_checker&&) noexcept = default;

batch_checker::prepared batch_checker::prepare(const application& a) const {
  return s_->prepare(a);
}

bool batch_checker::judge(const application& a, prepared& p) { return s_->judge(a, p); }

report batch_checker::add(const application& a) {
  prepared p = s_->prepare(a);
  s_->judge(a, p);
  return std::move(p.r);
}

std::vector<report> check_batch(const notice& n, std::span<const application> apps,
                                const check_options& opt) {
  batch_checker::state across(n, opt);
  std::vector<batch_checker::prepared> checked(apps.size());
  unsigned threads =
      std::max(1u, std::min<unsigned>(opt.threads, static_cast<unsigned>(apps.size())));
  if (threads <= 1) {
    for (std::size_t i = 0; i < apps.size(); ++i) checked[i] = across.prepare(apps[i]);
  } else {
    // One contiguous block per thread (neighbouring reports written by different threads
    // would share cache lines); the calling thread takes the first block itself.
    std::vector<std::exception_ptr> errors(threads);
    auto work = [&](unsigned t) {
      try {
        const std::size_t begin = apps.size() * t / threads, end = apps.size() * (t + 1) / threads;
        for (std::size_t i = begin; i < end; ++i) checked[i] = across.prepare(apps[i]);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (auto& e : errors)
      if (e) std::rethrow_exception(e);
  }
  std::vector<report> out;
  out.reserve(apps.size());
  for (std::size_t i = 0; i < apps.size(); ++i) {
    across.judge(apps[i], checked[i]);
    out.push_back(std::move(checked[i].r));
  }
  return out;
}

}  // namespace nxkx
