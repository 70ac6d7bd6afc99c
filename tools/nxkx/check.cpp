// nxkx check: every application of every file, as one batch (duplicates across files count).
#include <algorithm>
#include <array>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

struct check_args {
  common_options common;
  std::string as_of;
  bool trace = false;
  std::string bad_credit_code = "incomplete";
  std::vector<std::string> files;
  bool jsonl = false;  ///< one application per line, streamed (check_jsonl.cpp)
  bool quiet = false;
  bool progress = false;
  bool format_given = false;
};

struct input_failure {
  std::string file;
  std::string code, path, reason;
};

constexpr std::array all_decisions{decision::accepted, decision::needs_review, decision::incomplete,
                                   decision::rejected, decision::complete};

std::string summary_line(const std::vector<report>& reports, std::size_t failed_files, stage st,
                         lang l) {
  std::string line = std::to_string(reports.size());
  line += l == lang::zh ? " 份申报" : (reports.size() == 1 ? " application" : " applications");
  std::string counts;
  for (decision d : all_decisions) {
    const auto n = std::ranges::count(reports, d, &report::decision);
    if (n == 0) continue;
    counts += counts.empty() ? ": " : ", ";
    counts += decision_text(d, st, l);
    counts += " " + std::to_string(n);
  }
  line += counts;
  if (failed_files > 0) {
    line += l == lang::zh ? "; " + std::to_string(failed_files) + " 个文件无法读取"
                          : "; " + std::to_string(failed_files) +
                                (failed_files == 1 ? " file" : " files") + " could not be read";
  }
  return line + "\n";
}

std::string json_document(const notice& n, const check_options& opt,
                          const std::vector<report>& reports,
                          const std::vector<input_failure>& failures) {
  using ojson = nlohmann::ordered_json;
  ojson doc;
  doc["notice"] = n.info().id;
  doc["stage"] = std::string(to_code(opt.stage));
  doc["as_of"] = format_date(opt.as_of);
  ojson list = ojson::array();
  for (const auto& r : reports) list.push_back(ojson::parse(to_json(r, -1)));
  doc["reports"] = std::move(list);
  ojson summary;
  summary["applications"] = reports.size();
  for (decision d : all_decisions) {
    summary[std::string(to_code(d))] = std::ranges::count(reports, d, &report::decision);
  }
  doc["summary"] = std::move(summary);
  ojson errors = ojson::array();
  for (const auto& f : failures)
    errors.push_back(
        ojson{{"file", f.file}, {"code", f.code}, {"path", f.path}, {"reason", f.reason}});
  doc["errors"] = std::move(errors);
  return doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n";
}

int run_check(const check_args& a) {
  check_options opt;
  std::string why;
  const auto as_of = parse_date(a.as_of, &why);
  if (!as_of) {
    // parse_date's reason may quote the text and the expected form already: say each once.
    std::string msg = "--as-of: ";
    if (why.find(a.as_of) == std::string::npos) msg += "'" + a.as_of + "': ";
    msg += why.empty() ? std::string("not a date") : why;
    if (msg.find("YYYY") == std::string::npos) msg += " (expected YYYY-MM-DD)";
    print_error(msg);
    return exit_bad_input;
  }
  opt.as_of = *as_of;
  opt.stage = a.common.stage == "completion" ? stage::completion : stage::application;
  opt.trace = a.trace;
  opt.bad_credit_code =
      a.bad_credit_code == "needs_review" ? severity::needs_review : severity::incomplete;

  if (std::ranges::count(a.files, std::string("-")) > 1) {
    print_error("'-' (standard input) may be given only once", "'-'（标准输入）只能出现一次");
    return exit_bad_input;
  }

  const auto n = load_notice(a.common);
  if (!n) return exit_bad_input;
  if (a.jsonl) {
    // JSON lines out unless --format text is asked for.
    const jsonl_options o{!a.format_given || a.common.json(), a.common.language(), a.quiet,
                          a.progress};
    return check_jsonl(a.files, *n, opt, o);
  }

  std::vector<application> apps;
  std::vector<input_failure> failures;
  for (const auto& file : a.files) {
    const std::string name = display_name(file);
    try {
      const std::string text = read_input(file);
      auto parsed = parse_applications(text, *n);  // applies the default input_limits
      // An element of an array is named by its index too; a file of one application by its name.
      const std::size_t first = text.find_first_not_of(" \t\r\n");
      const bool array = first != std::string::npos && text[first] == '[';
      for (std::size_t i = 0; i < parsed.size(); ++i) {
        parsed[i].origin.file = name;
        if (array) parsed[i].origin.index = i;
        apps.push_back(std::move(parsed[i]));
      }
    } catch (const nxkx::input_error& e) {
      print_error(name, e);
      failures.push_back({name, e.code(), e.path(), e.reason()});
    }
  }

  // The files that could be read are still checked and shown: staff fix the others and rerun.
  const std::vector<report> reports = check_batch(*n, apps, opt);
  const lang l = a.common.language();
  if (a.common.json()) {
    write_out(json_document(*n, opt, reports, failures));
  } else {
    for (const auto& r : reports) {
      write_out(to_text(r, l, *n));
      write_out("\n");
    }
    write_out(summary_line(reports, failures.size(), opt.stage, l));
  }

  if (!failures.empty()) return exit_bad_input;
  for (const auto& r : reports)
    if (!r.accepted()) return exit_not_accepted;
  return exit_ok;
}

}  // namespace

runner add_check(CLI::App& app) {
  auto a = std::make_shared<check_args>();
  CLI::App* sub = app.add_subcommand(
      "check",
      "Check applications against the notice. Each FILE holds one application or an array of "
      "them ('-' reads standard input); all files are checked as one batch, so the same "
      "applicant twice for a project type is found across files.\n"
      "Exit status: 0 every application accepted, 1 any not accepted, 2 an input could not be "
      "read.");
  sub->add_option("--as-of", a->as_of,
                  "The date the check is made as of (YYYY-MM-DD); never the machine's clock")
      ->required()
      ->type_name("YYYY-MM-DD");
  add_stage_option(*sub, a->common,
                   "application: check the application (default); completion: check what "
                   "the project achieved");
  add_lang_option(*sub, a->common);
  add_format_option(*sub, a->common);
  add_notice_option(*sub, a->common);
  sub->add_flag("--trace", a->trace, "List every rule evaluated: passed, failed, not applicable");
  sub->add_option("--bad-credit-code", a->bad_credit_code,
                  "What a credit code with a wrong check character is: incomplete or "
                  "needs_review (early pilot codes have one)")
      ->check(CLI::IsMember({"incomplete", "needs_review"}))
      ->capture_default_str();
  sub->add_flag("--jsonl", a->jsonl,
                "Each FILE holds one application per line (JSON lines). They are streamed as one "
                "batch and one report is written per line, as JSON unless --format text");
  sub->add_flag("--quiet", a->quiet, "With --jsonl: no progress on standard error");
  sub->add_flag("--progress", a->progress,
                "With --jsonl: show progress on standard error even when it is not a terminal "
                "(by default it shows when standard error is a terminal and standard output "
                "is not)");
  sub->add_option("files", a->files, "Application files (JSON); '-' for standard input")
      ->required()
      ->type_name("FILE");
  return [a, sub] {
    a->format_given = sub->get_option("--format")->count() > 0;
    return run_check(*a);
  };
}

}  // namespace nxkx::cli
