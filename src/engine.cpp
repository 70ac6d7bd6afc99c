#include "nxkx/engine.hpp"

#include <algorithm>
#include <deque>
#include <exception>
#include <limits>
#include <random>
#include <stdexcept>
#include <unordered_map>

#include "notice_data.hpp"
#include "nxkx/error.hpp"
#include "requirements/requirement.hpp"
#include "siphash.hpp"

namespace nxkx {
namespace detail {
namespace {

finding make_finding(const compiled_rule& c, violation&& v, std::size_t type_index) {
  const rule_info& r = *c.info;
  finding f;
  f.rule_id = r.id;
  f.kind = r.kind;
  f.unknown = v.unknown;
  f.level = v.level ? *v.level : (v.unknown ? r.when_unknown : r.outcome);
  f.context = c.context(type_index);
  f.path = std::move(v.path);
  // The texts are written from the rule's templates and these values when they are read.
  f.message_index = c.messages.index_of(v.message, v.unknown);
  f.values = std::move(v.vars);
  f.found = std::move(v.found);
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
  const detail::notice_data& d = detail::data_of(n);
  const project_type_info& type = detail::type_of(n, a);
  report r;
  r.notice_id = d.info.id;
  r.pack = d.identity;
  r.stage = opt.stage;
  r.as_of = opt.as_of;
  r.application_id = a.id;
  r.origin = a.origin;
  r.title = a.title;
  r.project_type = a.project_type;
  r.applicant_name = a.applicant.name;
  r.credit_code = a.applicant.credit_code.value_or("");
  detail::eval_context ctx{d, a, type, opt};
  std::vector<detail::violation> found;
  const std::size_t type_index = static_cast<std::size_t>(&type - d.project_types.data());
  const std::size_t kind_index = d.kind_index(a.applicant.kind);
  for (const auto& c : d.compiled) {
    if (c.info->stage != opt.stage) continue;
    bool applied = c.applies(type_index, kind_index) &&
                   (!c.info->with_joint_applicants || !a.joint_applicants.empty());
    if (applied) {
      found.clear();
      applied = c.impl->evaluate(ctx, found);
    }
    if (opt.trace)
      r.trace.push_back({c.info->id, !applied        ? rule_status::not_applicable
                                     : found.empty() ? rule_status::passed
                                                     : rule_status::failed});
    if (!applied) continue;
    for (auto& v : found) {
      // One missing fact, one finding: a fact the input leaves out is reported once, by the
      // first rule (in pack order) that needs it; a later rule at that path adds nothing, unless
      // it is worse, when it takes the earlier one's place.
      if (v.unknown) {
        auto same = std::find_if(r.findings.begin(), r.findings.end(),
                                 [&](const finding& f) { return f.unknown && f.path == v.path; });
        if (same != r.findings.end()) {
          finding f = detail::make_finding(c, std::move(v), type_index);
          if (f.level > same->level) *same = std::move(f);
          continue;
        }
      }
      r.findings.push_back(detail::make_finding(c, std::move(v), type_index));
    }
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

/// Texts kept for findings that name an earlier application (its id, a title), in blocks that
/// never move; a text is named by a 32-bit reference (block and offset) and its length.
class text_arena {
 public:
  static constexpr unsigned offset_bits = 21;  // 2 MiB blocks: more than any string may be
  static constexpr std::size_t block_size = std::size_t{1} << offset_bits;

  std::uint32_t add(std::string_view s) {
    if (blocks_.empty() || used_ + s.size() > block_size) {
      if (blocks_.size() == (std::size_t{1} << (32 - offset_bits)))
        throw std::length_error("duplicate detection: too much text kept");
      blocks_.push_back(std::make_unique<char[]>(block_size));
      used_ = 0;
    }
    std::copy(s.begin(), s.end(), blocks_.back().get() + used_);
    const auto ref = static_cast<std::uint32_t>(((blocks_.size() - 1) << offset_bits) | used_);
    used_ += s.size();
    return ref;
  }
  std::string_view get(std::uint32_t ref, std::uint32_t size) const {
    return {blocks_[ref >> offset_bits].get() + (ref & (block_size - 1)), size};
  }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;
};

struct batch_checker::state {
  notice n;
  check_options opt;
  const detail::siphash128& hash = detail::key_hash();

  /// What is kept of every application judged, by its position in the stream, so that a later
  /// finding can name it: its id (or its title when it has none) and where it was read from.
  /// 16 bytes and the id's text.
  struct who {
    std::uint32_t label = 0;       ///< text_arena reference
    std::uint32_t label_size = 0;  ///< top bit: the label is the title (no id)
    std::uint32_t file_where = 0;  ///< bits 0-29: 1 + index into `files` (0: none); 30-31: 1
                                   ///< index, 2 line, 0 neither
    std::uint32_t at = 0;          ///< the origin's index or line
  };
  static constexpr std::uint32_t is_title = 0x80000000u;
  /// One application of one applicant and project type: 12 bytes.
  struct member {
    std::uint32_t position = 0;
    std::int32_t day = none;  ///< submission date, days since 1970-01-01; `none`: undated
    nxkx::decision decision = decision::accepted;  ///< of its report as given (or amended)
    static constexpr std::int32_t none = std::numeric_limits<std::int32_t>::min();
  };
  /// The first application of a title (flags): its position and title.
  struct first_title {
    std::uint32_t position = 0;
    std::uint32_t title = 0;  ///< text_arena reference
    std::uint32_t title_size = 0;
  };
  struct per_rule {
    const detail::compiled_rule* rule;
    const detail::batch_requirement* impl;
    detail::first_seen_table first;  ///< key → index into singles (or titles)
    /// supersedes(): the application of a key, while it has one; a key with several has its
    /// applications in `groups`, in submission order (by date, then stream position): the last
    /// stands, each other is superseded by the one after it.
    std::deque<member> singles;
    std::unordered_map<std::uint64_t, std::vector<member>> groups;
    std::deque<first_title> titles;
    /// limit(): per key, the owners (project types, by hash) that stand, each with the position
    /// of its first application, in input order; at most limit() of them.
    std::deque<std::vector<std::pair<std::uint64_t, std::uint32_t>>> limited;
  };
  std::deque<per_rule> rules;  // a deque: its elements need not be copied as it grows
  std::deque<who> whos;        // by position
  text_arena texts;
  std::vector<std::string> files;  ///< the files named by origins, each once
  std::unordered_map<std::string, std::uint32_t> file_index;

  state(const notice& notice_in, check_options o) : n(notice_in), opt(o) {
    for (const auto& c : detail::data_of(n).compiled)
      if (c.info->stage == opt.stage)
        if (const auto* b = c.impl->as_batch()) rules.push_back({&c, b, {}, {}, {}, {}, {}});
  }

  /// check(), and the hashes of the keys 三(一) looks at; the rules judged across the batch
  /// are traced as passed (judge() marks the ones that fail).
  prepared prepare(const application& a) const {
    prepared p{check(n, a, opt), {}};  // throws for an unknown project type
    const std::size_t type_index = static_cast<std::size_t>(
        n.find_project_type(a.project_type) - detail::data_of(n).project_types.data());
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const per_rule& pr = rules[i];
      if (!pr.rule->applies(type_index, detail::data_of(n).kind_index(a.applicant.kind)) ||
          (pr.rule->info->with_joint_applicants && a.joint_applicants.empty()))
        continue;
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

  /// Keeps what names `a`, the application at `position`.
  void keep(const application& a) {
    if (whos.size() > std::numeric_limits<std::uint32_t>::max())
      throw std::length_error("duplicate detection: too many applications");
    who w;
    const std::string_view label = a.id.empty() ? std::string_view(a.title) : a.id;
    w.label = texts.add(label);
    w.label_size = static_cast<std::uint32_t>(label.size()) | (a.id.empty() ? is_title : 0);
    if (!a.origin.file.empty()) {
      auto [it, added] =
          file_index.try_emplace(a.origin.file, static_cast<std::uint32_t>(files.size()));
      if (added) files.push_back(a.origin.file);
      w.file_where = (it->second + 1) & 0x3fffffffu;
    }
    if (a.origin.index) {
      w.file_where |= 1u << 30;
      w.at = static_cast<std::uint32_t>(*a.origin.index);
    } else if (a.origin.line) {
      w.file_where |= 2u << 30;
      w.at = static_cast<std::uint32_t>(*a.origin.line);
    }
    whos.push_back(w);
  }

  static std::int32_t day_of(const std::optional<date>& d) {
    if (!d) return member::none;
    return static_cast<std::int32_t>(std::chrono::sys_days(*d).time_since_epoch().count());
  }
  static std::optional<date> date_of(std::int32_t day) {
    if (day == member::none) return std::nullopt;
    return date{std::chrono::sys_days{std::chrono::days{day}}};
  }

  /// "申报 2025-0005（a.json 第 2 份）" / "application 2025-0005 (a.json, item 2)": by id, and by
  /// where it was read from when that is known; by its place only when nothing else tells it.
  localized name_of(std::uint32_t position) const {
    const who& w = whos.at(position);
    const std::string label(texts.get(w.label, w.label_size & ~is_title));
    const bool titled = (w.label_size & is_title) != 0;
    localized out;
    if (!label.empty() && !titled)
      out = {"申报 " + label, "application " + label};
    else if (!label.empty())
      out = {"未填编号的申报《" + label + "》", "the application “" + label + "” (no id)"};
    else
      out = {"未填编号和名称的申报", "an application with neither id nor title"};
    const std::uint32_t file = w.file_where & 0x3fffffffu, where = w.file_where >> 30;
    const std::string name = file ? files[file - 1] : std::string();
    std::string zh, en;
    if (where == 1) {
      zh = "第 " + std::to_string(std::uint64_t{w.at} + 1) + " 份";
      en = "item " + std::to_string(std::uint64_t{w.at} + 1);
    } else if (where == 2) {
      zh = "第 " + std::to_string(w.at) + " 行";
      en = "line " + std::to_string(w.at);
    } else if (name.empty() && label.empty()) {
      zh = "批次中第 " + std::to_string(std::uint64_t{position} + 1) + " 份";
      en = "item " + std::to_string(std::uint64_t{position} + 1) + " of the batch";
    }
    if (!name.empty()) {
      zh = zh.empty() ? name : name + " " + zh;
      en = en.empty() ? name : name + ", " + en;
    }
    if (!zh.empty()) {
      out.zh += "（" + zh + "）";
      out.en += " (" + en + ")";
    }
    return out;
  }

  static nxkx::decision worse(nxkx::decision d, severity s) {
    const auto rank = [](nxkx::decision x) {
      switch (x) {
        case decision::needs_review:
          return 1;
        case decision::incomplete:
          return 2;
        case decision::rejected:
          return 3;
        default:
          return 0;
      }
    };
    if (rank(d) >= static_cast<int>(s)) return d;
    return s == severity::rejected     ? decision::rejected
           : s == severity::incomplete ? decision::incomplete
                                       : decision::needs_review;
  }

  finding finding_for(const per_rule& pr, const detail::batch_requirement::party& subject,
                      const detail::batch_requirement::party& other, const application& a) const {
    const project_type_info* t = n.find_project_type(a.project_type);
    const std::size_t type_index =
        t ? static_cast<std::size_t>(t - detail::data_of(n).project_types.data()) : std::size_t(-1);
    return detail::make_finding(*pr.rule, pr.impl->describe(subject, other, a), type_index);
  }

  detail::batch_requirement::party party_of(const member& m) const {
    return {name_of(m.position), date_of(m.day), {}};
  }

  /// `subject`, whose report is given already, is now superseded by `other`.
  amendment amend(const per_rule& pr, member& subject, const member& other,
                  const application& a) const {
    const who& w = whos.at(subject.position);
    amendment m;
    m.position = subject.position;
    if ((w.label_size & is_title) == 0)
      m.application_id = std::string(texts.get(w.label, w.label_size));
    const std::uint32_t file = w.file_where & 0x3fffffffu, where = w.file_where >> 30;
    if (file) m.origin.file = files[file - 1];
    if (where == 1) m.origin.index = w.at;
    if (where == 2) m.origin.line = w.at;
    m.stage = opt.stage;
    m.added = finding_for(pr, party_of(subject), party_of(other), a);
    m.previous = subject.decision;
    m.decision = worse(subject.decision, m.added.level);
    subject.decision = m.decision;
    return m;
  }

  /// A limit across owners (unique_in_batch, key "applicant"): `a` stands when its owner stands
  /// or fewer than `max` do; else its report gets the rule's finding, naming the first
  /// application of each owner that stands. True when it does.
  bool judge_limit(per_rule& pr, const prepared::key& k, std::size_t max, std::uint32_t position,
                   const application& a, prepared& p) {
    const auto [first, added] =
        pr.first.find_or_add({k.hash[0], k.hash[1]}, pr.limited.size(), k.owner);
    if (added) {
      pr.limited.push_back({{k.owner, position}});
      return false;
    }
    auto& standing = pr.limited[first->index];
    for (const auto& [owner, at] : standing)
      if (owner == k.owner) return false;
    if (standing.size() < max) {
      standing.emplace_back(k.owner, position);
      return false;
    }
    localized others;
    for (const auto& [owner, at] : standing) {
      const localized one = name_of(at);
      others.zh += (others.zh.empty() ? "" : "、") + one.zh;
      others.en += (others.en.empty() ? "" : ", ") + one.en;
    }
    const detail::batch_requirement::party self{name_of(position), std::nullopt, {}};
    const detail::batch_requirement::party other{others, std::nullopt, {}};
    p.r.findings.push_back(finding_for(pr, self, other, a));
    for (auto& t : p.r.trace)
      if (t.rule_id == pr.rule->info->id) t.status = rule_status::failed;
    return true;
  }

  /// Adds what 三(一) says about `a`, the next of the batch, to its report, and to `out` the
  /// amendments of the reports given before it that `a` changes: at most one a rule, so that a
  /// stream's output stays proportional to its input whatever it holds.
  bool judge(const application& a, prepared& p, std::vector<amendment>& out) {
    const auto position = static_cast<std::uint32_t>(whos.size());
    keep(a);
    bool changed = false;
    // Where `a` is kept in each rule, to note its decision once every rule has judged it.
    std::vector<std::pair<per_rule*, std::uint64_t>> mine;
    for (const prepared::key& k : p.keys) {
      per_rule& pr = rules.at(k.rule);
      if (const std::size_t max = pr.impl->limit(); max > 0) {
        if (judge_limit(pr, k, max, position, a, p)) changed = true;
        continue;
      }
      const bool supersedes = pr.impl->supersedes();
      const std::uint64_t slot = supersedes ? pr.singles.size() : pr.titles.size();
      const auto [first, added] = pr.first.find_or_add({k.hash[0], k.hash[1]}, slot, k.owner);
      bool flagged = false;
      if (supersedes) {
        member self{position, day_of(pr.impl->submitted_on(a)), decision::accepted};
        if (added) {
          pr.singles.push_back(self);
          mine.emplace_back(&pr, first->index);
          continue;
        }
        std::vector<member>& ms = pr.groups[first->index];
        if (ms.empty()) ms.push_back(pr.singles[first->index]);  // a second one: now a group
        // Its place in submission order: after every one submitted on or before its date (an
        // undated application comes before every dated one; on one date, input order decides).
        const auto at =
            std::upper_bound(ms.begin(), ms.end(), self.day,
                             [](std::int32_t day, const member& m) { return day < m.day; });
        const auto place = static_cast<std::size_t>(at - ms.begin());
        // The one before it is now superseded by `a` (it named the one after, or stood): its
        // report, given already, is amended. `a` is superseded by the one after it, if any.
        if (place > 0) out.push_back(amend(pr, ms[place - 1], self, a));
        if (place < ms.size()) {
          p.r.findings.push_back(finding_for(pr, party_of(self), party_of(ms[place]), a));
          flagged = true;
        }
        ms.insert(at, self);
        mine.emplace_back(&pr, first->index);
      } else {
        if (added) {
          pr.titles.push_back(
              {position, texts.add(a.title), static_cast<std::uint32_t>(a.title.size())});
          continue;
        }
        if (k.has_owner && first->owner == k.owner) continue;
        const first_title& f = pr.titles[first->index];
        detail::batch_requirement::party self{name_of(position), std::nullopt, a.title};
        detail::batch_requirement::party other{name_of(f.position), std::nullopt,
                                               std::string(texts.get(f.title, f.title_size))};
        p.r.findings.push_back(finding_for(pr, self, other, a));
        flagged = true;
      }
      if (flagged) {
        for (auto& t : p.r.trace)
          if (t.rule_id == pr.rule->info->id) t.status = rule_status::failed;
        changed = true;
      }
    }
    if (changed) detail::decide(p.r);
    // The decision each rule keeps of `a`, for an amendment that may come later.
    for (auto [pr, index] : mine) {
      auto g = pr->groups.find(index);
      if (g == pr->groups.end()) {
        pr->singles[index].decision = p.r.decision;
        continue;
      }
      for (member& m : g->second)
        if (m.position == position) m.decision = p.r.decision;
    }
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

bool batch_checker::judge(const application& a, prepared& p, std::vector<amendment>& amendments) {
  return s_->judge(a, p, amendments);
}

report batch_checker::add(const application& a, std::vector<amendment>& amendments) {
  prepared p = s_->prepare(a);
  s_->judge(a, p, amendments);
  return std::move(p.r);
}

}  // namespace nxkx
