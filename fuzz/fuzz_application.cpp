// Fuzz target: application JSON text → limits pre-scan → parse → check at both stages.
//
// Invariants beyond "no crash, no leak, no undefined behaviour, nothing thrown but
// input_error":
//   - the reader applies the limits of the pre-scan: when the pre-scan refuses, the reader
//     throws the same error (or a syntax error it met first), it never throws input.limit
//     when the pre-scan passes, and what it reads the pre-scan never refuses;
//   - the reader and nlohmann/json agree on what is JSON (differential: the hand-written
//     tokenizer refuses as input.syntax/input.utf8 exactly what nlohmann::json::accept refuses);
//   - an application read is written back (to_json) as text that reads back to the same text
//     and the same decision;
//   - a stream (batch_checker), its amendments applied, gives the reports check_batch gives;
//   - every report writes valid JSON, and the desk's writers (CSV, HTML, brief) take it;
//   - reading each element on its own (parse_each_application) gives the same applications when
//     the whole reads, and, when the whole is refused for what an element says (not for its
//     syntax, encoding or size), the first element refused is refused for the same reason at
//     the same place (for a number out of range, some element is).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "nxkx/limits.hpp"
#include "nxkx/nxkx.hpp"

namespace {

using namespace nxkx;

bool same(const report& a, const report& b) {
  if (a.decision != b.decision || a.findings.size() != b.findings.size()) return false;
  for (std::size_t i = 0; i < a.findings.size(); ++i)
    if (a.findings[i].rule_id != b.findings[i].rule_id || a.findings[i].path != b.findings[i].path)
      return false;
  return true;
}

void check_at(const notice& n, const std::vector<application>& apps, const check_options& opt) {
  const std::vector<report> reports = check_batch(n, apps, opt);
  NXKX_FUZZ_REQUIRE(reports.size() == apps.size());
  // The stream's reports with its amendments applied are the batch's.
  batch_checker stream(n, opt);
  std::vector<report> streamed;
  std::vector<amendment> amendments;
  for (std::size_t i = 0; i < apps.size(); ++i) {
    streamed.push_back(stream.add(apps[i], amendments));
    for (const amendment& m : amendments) {
      NXKX_FUZZ_REQUIRE(m.position < i && streamed[m.position].decision == m.previous);
      apply(streamed[m.position], m);
      NXKX_FUZZ_REQUIRE(nlohmann::json::accept(to_json(m, -1)));
      (void)to_text(m, lang::zh);
    }
    amendments.clear();
  }
  for (std::size_t i = 0; i < apps.size(); ++i) {
    NXKX_FUZZ_REQUIRE(same(streamed[i], reports[i]));
    const std::string json_text = to_json(reports[i], -1);
    NXKX_FUZZ_REQUIRE(nlohmann::json::accept(json_text));
    (void)to_text(reports[i], lang::zh, n);
    (void)to_text(reports[i], lang::en);
    (void)to_brief(reports[i], n, lang::zh);
  }
  const desk_batch batch{reports, {}};
  const std::string csv = to_csv(batch, n);
  NXKX_FUZZ_REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
  const std::string html = to_html(batch, n, lang::en);
  NXKX_FUZZ_REQUIRE(html.find("<script") == std::string::npos);
}

/// parse_each_application against what parse_applications said of the same text.
void check_each(std::string_view text, const notice& n, const std::vector<application>* read,
                const input_error* refused) {
  std::vector<batch_element> elements;
  try {
    elements = parse_each_application(text, n);
  } catch (const input_error& e) {
    NXKX_FUZZ_REQUIRE(e.code().starts_with("input."));
    NXKX_FUZZ_REQUIRE(read == nullptr);  // a text that reads as a whole always splits
    return;
  }
  for (const auto& e : elements) {
    NXKX_FUZZ_REQUIRE(e.app.has_value() != e.error.has_value());
    if (e.error) NXKX_FUZZ_REQUIRE(e.error->code().starts_with("input."));
  }
  if (read != nullptr) {
    NXKX_FUZZ_REQUIRE(elements.size() == read->size());
    for (std::size_t i = 0; i < elements.size(); ++i)
      NXKX_FUZZ_REQUIRE(elements[i].app && to_json(*elements[i].app, n) == to_json((*read)[i], n));
    return;
  }
  // The whole's error is the first in document order of the first pass (the text) or, when
  // the text reads, of the second (what the elements say): only then is it the first element's.
  const std::string& code = refused->code();
  if (code == "input.syntax" || code == "input.utf8" || code == "input.limit") return;
  auto same_error = [&](const batch_element& e) {
    return e.error && e.error->code() == code && e.error->path() == refused->path();
  };
  if (code == "input.range") {  // a number out of range: found as the text is read, or after
    NXKX_FUZZ_REQUIRE(std::any_of(elements.begin(), elements.end(), same_error));
    return;
  }
  for (const auto& e : elements) {
    if (!e.error) continue;
    NXKX_FUZZ_REQUIRE(same_error(e));
    break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const notice& n = notice::builtin();

  std::optional<input_error> limit;
  try {
    check_input_limits(text);
  } catch (const input_error& e) {
    NXKX_FUZZ_REQUIRE(e.code() == "input.limit");
    limit = e;
  }

  std::vector<application> apps;
  try {
    apps = parse_applications(text, n);
  } catch (const input_error& e) {
    NXKX_FUZZ_REQUIRE(!e.code().empty() && e.code().starts_with("input."));
    // The reader applies the same limits as it reads: the same error, word for word, unless
    // it met malformed text first (the pre-scan skips over scalars without judging them).
    if (limit && e.code() == "input.limit")
      NXKX_FUZZ_REQUIRE(e.path() == limit->path() && e.reason() == limit->reason());
    if (limit && e.code() != "input.limit")
      NXKX_FUZZ_REQUIRE(e.code() == "input.syntax" || e.code() == "input.utf8");
    if (!limit) NXKX_FUZZ_REQUIRE(e.code() != "input.limit");
    // What is JSON is nlohmann's call too: our reader refuses as malformed exactly what it
    // refuses (NUL bytes aside, where nlohmann stops reading, and numbers out of our range).
    const bool not_json = e.code() == "input.syntax" || e.code() == "input.utf8";
    if (!limit && e.code() != "input.range" && text.find('\0') == std::string_view::npos)
      NXKX_FUZZ_REQUIRE(not_json == !nlohmann::json::accept(text));
    check_each(text, n, nullptr, &e);
    return 0;
  }
  NXKX_FUZZ_REQUIRE(!limit);
  NXKX_FUZZ_REQUIRE(nlohmann::json::accept(text));
  check_each(text, n, &apps, nullptr);

  check_options opt;
  opt.as_of = fuzz::check_day();
  opt.trace = true;
  check_at(n, apps, opt);
  opt.stage = stage::completion;
  opt.trace = false;
  opt.bad_credit_code = severity::needs_review;
  check_at(n, apps, opt);

  // The round trip: what is read is written back as text that reads back the same.
  check_options first;
  first.as_of = fuzz::check_day();
  for (const application& a : apps) {
    const std::string written = to_json(a, n);
    application again;
    try {
      again = parse_application(written, n);
    } catch (const input_error& e) {
      fuzz::invariant_failed(std::string("to_json(application) does not read back: ") + e.what());
    }
    NXKX_FUZZ_REQUIRE(to_json(again, n) == written);
    NXKX_FUZZ_REQUIRE(same(check(n, again, first), check(n, a, first)));
  }
  return 0;
}
