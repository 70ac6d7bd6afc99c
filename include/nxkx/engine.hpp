// The validation engine: checks applications against a loaded notice.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "nxkx/codes.hpp"
#include "nxkx/date.hpp"
#include "nxkx/export.hpp"
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
  /// with a bad check character: a portal may prefer needs_review.
  severity bad_credit_code = severity::incomplete;
  unsigned threads = 1;  ///< for check_batch and batch_stream
};

/// Checks one application on its own (no duplicate detection across a batch).
NXKX_EXPORT report check(const notice& n, const application& a, const check_options& opt);

/// Checks a batch: every application on its own, then 三(一) across the batch. Applications are
/// ordered by their submission date (courier dispatch or hand-in date; one without a date comes
/// first), then by input order. Of one applicant's applications of one project type the latest
/// is judged on its merits and each earlier one gets a finding that it is superseded by the
/// latest (needs review). An application whose title is that of an earlier one (in input order)
/// of another applicant or type gets a finding naming it (needs review). Findings name the other
/// application by its id and origin. Reports keep input order; they are what a batch_checker
/// gives with its amendments applied. The batch is checked by batch_stream (batch.hpp), on
/// opt.threads threads.
NXKX_EXPORT std::vector<report> check_batch(const notice& n, std::span<const application> apps,
                                            const check_options& opt);

/// A stream of applications checked one at a time with duplicate detection across all of
/// them. Memory grows only with what duplicate detection keeps per key: hashes, and for each
/// application with a key its id, origin, submission date and decision (and a title's text).
/// Where a later application changes a report given earlier (it supersedes it), the checker
/// says so with an amendment naming the earlier one; applying every amendment to the reports
/// gives what check_batch gives.
class NXKX_EXPORT batch_checker {
 public:
  batch_checker(const notice& n, check_options opt);
  ~batch_checker();
  batch_checker(batch_checker&&) noexcept;
  batch_checker& operator=(batch_checker&&) noexcept;

  /// Checks the next application of the stream; appends to `amendments` what it changes in the
  /// reports given before it.
  report add(const application& a, std::vector<amendment>& amendments);

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
  /// returns true when it changed the report (a finding was added), and appends to `amendments`
  /// what it changes in reports given before (each names the report by its position in the
  /// stream, its id and origin); add(a, m) is judge(a, prepare(a), m).
  prepared prepare(const application& a) const;
  bool judge(const application& a, prepared& p, std::vector<amendment>& amendments);

 private:
  struct state;
  std::unique_ptr<state> s_;
};

}  // namespace nxkx
