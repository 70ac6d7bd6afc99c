// nxkx check: every application of every file (or folder), as one batch (duplicates across files
// count), written as text, a brief text, JSON, CSV, HTML or an Excel workbook.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli.hpp"
#include "nxkx/batch.hpp"
#include "nxkx/office.hpp"

namespace nxkx::cli {

namespace {

namespace fs = std::filesystem;

struct check_args {
  common_options common;
  std::string as_of;
  bool trace = false;
  bool brief = false;
  bool compact = false;  ///< --compact: clauses by ref, no quotes, readings or contacts
  std::string bad_credit_code = "incomplete";
  std::string output;  ///< -o FILE; "" = standard output
  std::string encoding = "utf-8";
  std::vector<std::string> files;
  bool jsonl = false;  ///< one application per line, streamed (check_jsonl.cpp)
  bool quiet = false;
  bool progress = false;
  bool format_given = false;
  unsigned threads = available_cpus();  ///< --threads
};

constexpr std::array all_decisions{decision::accepted, decision::needs_review, decision::incomplete,
                                   decision::rejected, decision::complete};

std::string summary_line(const std::vector<report>& reports, const std::vector<unreadable>& errors,
                         stage st, lang l) {
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
  if (!errors.empty()) {
    // Files that could not be read at all, and applications (elements) that could not be.
    std::size_t files = 0;
    for (const auto& e : errors) files += !e.origin.index && !e.origin.line ? 1u : 0u;
    const std::size_t elements = errors.size() - files;
    if (files > 0)
      line += l == lang::zh ? "; " + std::to_string(files) + " 个文件无法读取"
                            : "; " + std::to_string(files) + (files == 1 ? " file" : " files") +
                                  " could not be read";
    if (elements > 0)
      line += l == lang::zh
                  ? "; " + std::to_string(elements) + " 份申报无法读取"
                  : "; " + std::to_string(elements) +
                        (elements == 1 ? " application" : " applications") + " could not be read";
  }
  return line + "\n";
}

/// Where the result goes, a piece at a time: -o FILE, or standard output.
class sink {
 public:
  explicit sink(const std::string& output) : output_(output) {
    if (output_.empty()) return;
    file_.open(output_, std::ios::binary | std::ios::trunc);
    if (!file_) fail();
  }

  void write(std::string_view text) {
    if (output_.empty()) {
      write_out(text);
      return;
    }
    file_.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!file_) fail();
  }

  void close() {
    if (output_.empty()) return;
    file_.close();
    if (!file_) fail();
  }

 private:
  [[noreturn]] void fail() const {
    throw nxkx::error("output.file", "", "cannot write " + output_, "无法写入 " + output_);
  }
  std::string output_;
  std::ofstream file_;
};

/// The JSON document of the batch, written a report at a time (never the whole document's tree
/// in memory), as nlohmann's dump(2) writes it: each report is dumped on its own and indented to
/// its place in "reports".
void write_json_document(sink& out, const notice& n, const check_options& opt, report_detail detail,
                         const std::vector<report>& reports,
                         const std::vector<unreadable>& errors) {
  using ojson = nlohmann::ordered_json;
  const auto dump = [](const ojson& j) {
    return j.dump(2, ' ', false, ojson::error_handler_t::replace);
  };
  ojson head;
  head["notice"] = n.info().id;
  head["pack"] = ojson{
      {"id", n.identity().id}, {"version", n.identity().version}, {"sha256", n.identity().sha256}};
  head["stage"] = std::string(to_code(opt.stage));
  head["as_of"] = format_date(opt.as_of);
  std::string h = dump(head);
  h.resize(h.size() - 2);  // "\n}": the members that follow go on
  out.write(h);
  if (reports.empty()) {
    out.write(",\n  \"reports\": []");
  } else {
    out.write(",\n  \"reports\": [\n");
    for (std::size_t i = 0; i < reports.size(); ++i) {
      // The writer indents as nlohmann dump(2) does (tests/unit/report_json_test.cpp holds it).
      const std::string one = to_json(reports[i], 2, detail);
      std::string indented = "    ";
      indented.reserve(one.size() + one.size() / 8);
      for (char c : one) {
        indented += c;
        if (c == '\n') indented += "    ";
      }
      if (i + 1 < reports.size()) indented += ",\n";
      out.write(indented);
    }
    out.write("\n  ]");
  }
  ojson tail;
  ojson summary;
  summary["applications"] = reports.size();
  for (decision d : all_decisions) {
    summary[std::string(to_code(d))] = std::ranges::count(reports, d, &report::decision);
  }
  summary["errors"] = errors.size();
  tail["summary"] = std::move(summary);
  ojson list_of_errors = ojson::array();
  for (const auto& e : errors) {
    ojson j{{"file", e.origin.file}};
    if (e.origin.index) j["index"] = *e.origin.index;
    j["code"] = e.code;
    j["path"] = e.path;
    j["reason"] = e.reason.en;
    j["reason_zh"] = e.reason.zh;
    list_of_errors.push_back(std::move(j));
  }
  tail["errors"] = std::move(list_of_errors);
  const std::string t = dump(tail);
  out.write(",\n" + t.substr(2) + "\n");  // past "{\n"
}

/// The format of -o FILE when --format does not say: from the file's extension.
std::string format_of(const std::string& output) {
  std::string ext = fs::path(output).extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (ext == ".xlsx") return "xlsx";
  if (ext == ".csv") return "csv";
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".json") return "json";
  return "text";
}

/// Writes `text` to -o FILE, or to standard output.
void emit(const std::string& output, std::string_view text) {
  if (output.empty()) {
    write_out(text);
    return;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) throw nxkx::error("output.file", "", "cannot write " + output, "无法写入 " + output);
}

/// A workbook goes to a file; to standard output only when that is not a terminal (through a
/// temporary file: libxlsxwriter writes files).
void emit_xlsx(const std::string& output, const desk_batch& b, const notice& n, lang l) {
  if (!output.empty()) {
    write_xlsx(output, b, n, l);
    return;
  }
  const fs::path tmp = fs::temp_directory_path() / ("nxkx-" + std::to_string(getpid()) + ".xlsx");
  write_xlsx(tmp, b, n, l);
  std::ifstream in(tmp, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::error_code ec;
  fs::remove(tmp, ec);
  write_out(bytes);
}

int run_check(check_args& a) {
  check_options opt;
  const date_parse_result as_of = parse_date(a.as_of);
  if (!as_of) {
    const std::string& why = as_of.why;
    const std::string& why_zh = as_of.why_zh;
    // parse_date's reason may quote the text and the expected form already: say each once.
    std::string msg = "--as-of: ", msg_zh = "--as-of：";
    if (why.find(a.as_of) == std::string::npos) {
      msg += "'" + a.as_of + "': ";
      msg_zh += "'" + a.as_of + "'：";
    }
    msg += why.empty() ? std::string("not a date") : why;
    msg_zh += why_zh.empty() ? std::string("不是日期") : why_zh;
    if (msg.find("YYYY") == std::string::npos) {
      msg += " (expected YYYY-MM-DD)";
      msg_zh += "（应为 YYYY-MM-DD）";
    }
    print_error(msg, msg_zh);
    return exit_bad_input;
  }
  opt.as_of = *as_of;
  opt.stage = a.common.stage_given();
  opt.trace = a.trace;
  opt.threads = a.threads;
  opt.bad_credit_code =
      a.bad_credit_code == "needs_review" ? severity::needs_review : severity::incomplete;
  if (!a.format_given && !a.output.empty()) a.common.format = format_of(a.output);
  const std::string& format = a.common.format;
  const lang l = a.common.language();

  if (std::ranges::count(a.files, std::string("-")) > 1) {
    print_error("'-' (standard input) may be given only once", "'-'（标准输入）只能出现一次");
    return exit_bad_input;
  }
  if (a.compact && format != "json" && format != "text") {
    print_error("--compact applies to reports as JSON or text, not to --format " + format,
                "--compact 只用于 JSON 或文本格式的报告，不能与 --format " + format + " 同用");
    return exit_bad_input;
  }
  const report_detail detail = a.compact ? report_detail::compact : report_detail::full;
  if (format == "xlsx" && a.output.empty() && isatty(STDOUT_FILENO)) {
    print_error("--format xlsx writes a workbook: give -o FILE.xlsx",
                "--format xlsx 生成 Excel 工作簿：请用 -o 指定文件，如 -o 审核结果.xlsx");
    return exit_bad_input;
  }

  // -o naming one of the inputs would overwrite it with the result.
  if (!a.output.empty()) {
    std::vector<std::string> none;
    for (const auto& f : expand_inputs(a.files, a.jsonl ? ".jsonl" : ".json", none)) {
      std::error_code ec;
      if (f != "-" && fs::equivalent(f, a.output, ec)) {
        print_error("-o " + a.output + " is one of the inputs: it would be overwritten",
                    "-o " + a.output + " 是输入文件之一，会被覆盖：请另选文件名");
        return exit_bad_input;
      }
    }
  }

  const auto n = load_notice(a.common);
  if (!n) return exit_bad_input;
  std::vector<std::string> empty_folders;
  if (a.jsonl) {
    if (format != "json" && format != "text") {
      print_error("--jsonl writes one report per line: --format json or text",
                  "--jsonl 每行输出一份报告：只能用 --format json 或 text");
      return exit_bad_input;
    }
    if (a.encoding != "utf-8") {
      print_error("--jsonl reads UTF-8 only", "--jsonl 只读取 UTF-8 文本");
      return exit_bad_input;
    }
    const std::vector<std::string> files = expand_inputs(a.files, ".jsonl", empty_folders);
    for (const auto& f : empty_folders)
      print_error(display_name(f) + ": no .jsonl file in this folder",
                  display_name(f) + "：文件夹中没有 .jsonl 文件");
    // JSON lines out unless --format text is asked for.
    const jsonl_options o{!a.format_given || a.common.json(),
                          l,
                          a.quiet,
                          a.progress,
                          a.brief,
                          detail,
                          a.output,
                          a.threads};
    const int status = check_jsonl(files, *n, opt, o);
    return empty_folders.empty() ? status : exit_bad_input;
  }

  const std::vector<std::string> files = expand_inputs(a.files, ".json", empty_folders);
  std::vector<unreadable> errors;
  for (const auto& f : empty_folders) {
    print_error(display_name(f) + ": no .json file in this folder",
                display_name(f) + "：文件夹中没有 .json 文件");
    errors.push_back({origin{display_name(f), {}, {}},
                      "input.empty",
                      "",
                      {"文件夹中没有 .json 文件", "no .json file in this folder"}});
  }
  // Each application is handed to one batch_stream (batch.hpp) as soon as it is read: it is
  // checked on --threads threads while the next ones are read, duplicates across every file
  // count, and only its report is kept: memory holds the text of one file, its reports and a
  // few chunks of applications, never every application. What a later application changes in
  // an earlier report is applied to it at once, so the reports are check_batch's. Errors come
  // back in the order they were met, among the reports.
  std::vector<report> reports;
  stream_hooks hooks;
  hooks.report = [&](report&& r, std::string_view, std::size_t) {
    reports.push_back(std::move(r));
  };
  hooks.amended = [&](const amendment& m) { apply(reports.at(m.position), m); };
  hooks.error = [&](input_error&& e, const origin& where, std::size_t) {
    print_error(where.index ? where.file + " #" + std::to_string(*where.index) : where.file, e);
    errors.push_back(unreadable_of(e, where));
  };
  batch_stream stream(*n, opt, std::move(hooks));
  for (const auto& file : files) {
    const std::string name = display_name(file);
    // Texts given as files (.docx) are found next to the application's file.
    const fs::path dir = file == "-" ? fs::current_path() : fs::path(file).parent_path();
    std::string bytes;
    try {
      // At most max_bytes for one application, max_batch_bytes for an array (read.hpp).
      bytes = read_applications_input(file, input_limits{});
      std::string converted;  // the hints below look at the bytes as they were read
      if (a.encoding != "utf-8") converted = to_utf8(bytes, a.encoding);
      const std::string& text = a.encoding == "utf-8" ? bytes : converted;
      for_each_application(text, *n, [&](batch_element&& e) {  // the default input_limits
        origin where{name, e.index, std::nullopt};
        if (e.app) {
          try {
            load_text_files(*e.app, dir, a.encoding);
            e.app->origin = where;
            stream.add(std::move(*e.app));
            return;
          } catch (const input_error& x) {
            e.error = x;
          }
        }
        add_hint_for_encoding(*e.error, bytes);
        stream.add_error(std::move(*e.error), where);
      });
    } catch (nxkx::input_error& e) {
      add_hint_for_encoding(e, bytes);
      stream.add_error(std::move(e), origin{name, {}, {}});
    }
  }
  stream.finish();

  // The applications that could be read are checked and shown: staff fix the others and rerun.
  const desk_batch batch{reports, errors};
  if (format == "json") {
    sink out(a.output);
    write_json_document(out, *n, opt, detail, reports, errors);
    out.close();
  } else if (format == "csv") {
    emit(a.output, to_csv(batch, *n, l));
  } else if (format == "html") {
    emit(a.output, to_html(batch, *n, l));
  } else if (format == "xlsx") {
    emit_xlsx(a.output, batch, *n, l);
  } else {
    sink out(a.output);  // written a report at a time
    for (const auto& r : reports) {
      if (a.brief) {
        out.write(to_brief(r, *n, l));
      } else {
        out.write(to_text(r, l, *n, detail));
        out.write("\n");
      }
    }
    if (!a.output.empty())  // else they were shown on standard error
      for (const auto& e : errors)
        out.write(origin_text(e.origin) + (l == lang::zh ? " · 无法读取: " : " · unreadable: ") +
                  (e.path.empty() ? "" : visible_text(e.path) + ": ") +
                  visible_text(e.reason.in(l)) + " [" + e.code + "]\n");
    out.write(summary_line(reports, errors, opt.stage, l));
    out.close();
  }
  if (!a.output.empty() && !a.quiet) {
    const std::string line = summary_line(reports, errors, opt.stage, l);
    print_error(a.output + ": " + line.substr(0, line.size() - 1),
                a.output + "：" + line.substr(0, line.size() - 1));
  }

  if (!errors.empty()) return exit_bad_input;
  if (reports.empty()) return exit_empty;  // "[]": nothing was checked, not "all accepted"
  for (const auto& r : reports)
    if (!r.accepted()) return exit_not_accepted;
  return exit_ok;
}

}  // namespace

runner add_check(CLI::App& app) {
  auto a = std::make_shared<check_args>();
  CLI::App* sub = app.add_subcommand(
      "check",
      "Check applications against the notice pack (built in: 2025; --notice for another). Each "
      "FILE holds one application or an array of "
      "them ('-' reads standard input); a FOLDER gives every .json file in it and its subfolders, "
      "sorted by path. All are checked as one batch, so the same applicant twice for a project "
      "type is found across files. An application that cannot be read is named and left out; "
      "the others are checked.\n"
      "Exit status: 0 every application accepted, 1 any not accepted, 2 an input could not be "
      "read, 4 no application at all ([] or an empty --jsonl).");
  sub->add_option("--as-of", a->as_of,
                  "The date the check is made as of (YYYY-MM-DD); never the machine's clock")
      ->required()
      ->type_name("YYYY-MM-DD");
  add_stage_option(*sub, a->common,
                   "application: check the application (default); completion: check what "
                   "the project achieved");
  add_lang_option(*sub, a->common);
  sub->add_option("--format", a->common.format,
                  "text (for people; default), json (for programs), xlsx (an Excel workbook: "
                  "sheets 汇总 and 问题), csv (UTF-8 with BOM, one row per finding), html (a "
                  "printable page). Default: from the extension of -o, else text")
      ->check(CLI::IsMember({"text", "json", "xlsx", "csv", "html"}))
      ->capture_default_str();
  sub->add_option("-o,--output", a->output,
                  "Write the result to FILE instead of standard output (its extension gives the "
                  "format: .xlsx, .csv, .html, .json, else text)")
      ->type_name("FILE");
  sub->add_flag("--brief", a->brief,
                "Text in brief: a line per application, a line per finding, clauses cited "
                "without their text");
  sub->add_flag("--compact", a->compact,
                "Compact reports (JSON or text): clauses cited by ref, without their quotes, the "
                "readings and the contacts, which `nxkx rules` lists once; the JSON says "
                "\"detail\": \"compact\"");
  add_encoding_option(*sub, a->encoding);
  add_notice_option(*sub, a->common);
  sub->add_flag("--trace", a->trace, "List every rule evaluated: passed, failed, not applicable");
  sub->add_option("--bad-credit-code", a->bad_credit_code,
                  "What a credit code with a wrong check character is: incomplete or "
                  "needs_review (early pilot codes have one)")
      ->check(CLI::IsMember({"incomplete", "needs_review"}))
      ->capture_default_str();
  sub->add_flag("--jsonl", a->jsonl,
                "Each FILE holds one application per line (JSON lines; a FOLDER gives its .jsonl "
                "files). They are streamed as one batch and one report is written per line, as "
                "JSON unless --format text");
  sub->add_flag("--quiet", a->quiet, "No progress (--jsonl) and no summary on standard error (-o)");
  sub->add_flag("--progress", a->progress,
                "With --jsonl: show progress on standard error even when it is not a terminal "
                "(by default it shows when standard error is a terminal and standard output "
                "is not)");
  sub->add_option("--threads", a->threads,
                  "Threads to check on. Default: the CPUs this process may run on (its "
                  "affinity: taskset, a container's cpuset), here " +
                      std::to_string(a->threads) +
                      ". The reports are the same, in the same order, whatever the number")
      ->check(CLI::Range(1u, max_threads))
      ->type_name("N");
  sub->add_option("files", a->files,
                  "Application files (JSON) or folders of them; '-' for standard input")
      ->required()
      ->type_name("FILE|FOLDER");
  return [a, sub] {
    a->format_given = sub->get_option("--format")->count() > 0;
    return run_check(*a);
  };
}

}  // namespace nxkx::cli
