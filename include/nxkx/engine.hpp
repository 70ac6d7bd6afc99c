// The validation engine: checks applications against a loaded notice.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/model.hpp"
#include "nxkx/notice.hpp"
#include "nxkx/report.hpp"

namespace nxkx {

/// How a check is made. `as_of` is required: results never depend on the machine clock.
struct check_options {
  date as_of;
  nxkx::stage stage = stage::application;
  bool trace = false;  ///< list every rule evaluated (passed, failed, not applicable)
  /// Severity of a credit code whose check characters fail. Early pilot codes were issued
  /// with a bad check character (FACTS.md): a portal may prefer needs_review.
  severity bad_credit_code = severity::incomplete;
  unsigned threads = 1;  ///< for check_batch
};

/// Checks one application on its own (no duplicate detection across a batch).
report check(const notice& n, const application& a, const check_options& opt);

/// Checks a batch: every application on its own, then 三(一) across the batch (one applicant,
/// one application per project type; the same title under several types or applicants).
/// The first in batch order stands; later ones carry the finding. Reports keep input order.
std::vector<report> check_batch(const notice& n, std::span<const application> apps,
                                const check_options& opt);

/// A stream of applications checked one at a time with duplicate detection across all of
/// them. Memory grows only with the keys needed for duplicate detection.
class batch_checker {
 public:
  batch_checker(const notice& n, check_options opt);
  ~batch_checker();
  batch_checker(batch_checker&&) noexcept;
  batch_checker& operator=(batch_checker&&) noexcept;

  /// Checks the next application of the stream.
  report add(const application& a);

  /// An application checked on its own, waiting to be judged across the stream.
  struct prepared {
    report r;  ///< as check() gives it, with the rules judged across the batch passed so far
    /// Internal: hashes of the application's keys for duplicate detection.
    struct key {
      std::size_t rule = 0;
      std::uint64_t hash[2] = {0, 0};
      std::uint64_t owner = 0;
      bool has_owner = false;
    };
    std::vector<key> keys;
  };

  /// add() in two steps, so that the costly one can run on several threads: prepare() checks
  /// `a` on its own (it only reads, so any thread may call it, in any order); judge() then
  /// judges it against every application judged before it, and must be called once for each
  /// application prepared by this checker, in stream order, with the same application. judge()
  /// returns true when it changed the report (a finding was added); add(a) is judge(a,
  /// prepare(a)).
  prepared prepare(const application& a) const;
  bool judge(const application& a, prepared& p);

 private:
  struct state;
  std::unique_ptr<state> s_;
  friend std::vector<report> check_batch(const notice&, std::span<const application>,
                                         const check_options&);
};

}  // namespace nxkx
