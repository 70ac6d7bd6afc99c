// nxkx conformance: runs conformance case files (tests/conformance/README.md) against a pack and
// says, case by case, whether nxkx gives what the case expects, so that whoever writes a pack
// can test it with cases of their own, without code.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cli.hpp"

namespace nxkx::cli {

namespace {

using ojson = nlohmann::ordered_json;

struct conformance_args {
  common_options common;
  std::vector<std::string> paths;
};

/// A case file that is not a case: the JSON pointer of the field, and what is wrong with it.
struct case_error {
  std::string code;  ///< case.syntax (not JSON), case.invalid (a field), or a file code
  std::string path;
  std::string reason;
};

/// One case, read.
struct conformance_case {
  std::string name;
  check_options options;
  ojson applications;
  std::optional<std::vector<std::pair<std::string, std::vector<std::string>>>> expect;
  std::optional<std::pair<std::string, std::string>> error;  ///< code, path
};

[[noreturn]] void invalid(std::string path, std::string reason) {
  throw case_error{"case.invalid", std::move(path), std::move(reason)};
}

const std::string& string_at(const ojson& v, const std::string& path) {
  if (!v.is_string()) invalid(path, std::string("expected a string, found ") + v.type_name());
  return v.get_ref<const std::string&>();
}

/// Reads a case's fields (README: name, description, as_of, stage, options, applications,
/// expect or error), each checked, an unknown one refused.
conformance_case read_case(const ojson& doc, const std::string& file_stem) {
  if (!doc.is_object())
    invalid("", std::string("a case is a JSON object, found ") + doc.type_name());
  conformance_case c;
  c.name = file_stem;
  bool has_as_of = false;
  for (const auto& [key, value] : doc.items()) {
    std::string path;
    nxkx::append_pointer_token(path, key);
    if (key == "name") {
      c.name = string_at(value, path);
    } else if (key == "description") {
      (void)string_at(value, path);
    } else if (key == "as_of") {
      const auto d = nxkx::parse_date(string_at(value, path));
      if (!d) invalid(path, d.why.empty() ? "not a date (YYYY-MM-DD)" : d.why);
      c.options.as_of = *d;
      has_as_of = true;
    } else if (key == "stage") {
      const std::string& s = string_at(value, path);
      const auto st = nxkx::from_code<nxkx::stage>(s);
      if (!st) invalid(path, "unknown stage \"" + s + "\"; expected application or completion");
      c.options.stage = *st;
    } else if (key == "options") {
      if (!value.is_object())
        invalid(path, std::string("expected an object, found ") + value.type_name());
      for (const auto& [okey, ovalue] : value.items()) {
        std::string opath = path;
        nxkx::append_pointer_token(opath, okey);
        if (okey != "bad_credit_code")
          invalid(opath, "unknown option \"" + okey + "\"; expected bad_credit_code");
        const std::string& s = string_at(ovalue, opath);
        if (s == "incomplete")
          c.options.bad_credit_code = severity::incomplete;
        else if (s == "needs_review")
          c.options.bad_credit_code = severity::needs_review;
        else
          invalid(opath, "unknown value \"" + s + "\"; expected incomplete or needs_review");
      }
    } else if (key == "applications") {
      if (!value.is_array())
        invalid(path, std::string("expected an array of applications, found ") + value.type_name());
      if (value.empty()) invalid(path, "a case checks at least one application");
      c.applications = value;
    } else if (key == "expect") {
      if (!value.is_array())
        invalid(path, std::string("expected an array, one entry per application, found ") +
                          value.type_name());
      c.expect.emplace();
      for (std::size_t i = 0; i < value.size(); ++i) {
        const ojson& e = value[i];
        const std::string epath = path + "/" + std::to_string(i);
        if (!e.is_object())
          invalid(epath,
                  std::string("expected {\"decision\", \"rule_ids\"}, found ") + e.type_name());
        std::string decision;
        std::vector<std::string> rules;
        bool has_decision = false, has_rules = false;
        for (const auto& [ekey, evalue] : e.items()) {
          std::string fpath = epath;
          nxkx::append_pointer_token(fpath, ekey);
          if (ekey == "decision") {
            decision = string_at(evalue, fpath);
            if (!nxkx::from_code<nxkx::decision>(decision))
              invalid(fpath, "unknown decision \"" + decision +
                                 "\"; expected accepted, rejected, incomplete or needs_review "
                                 "(application stage), complete, incomplete or needs_review "
                                 "(completion stage)");
            has_decision = true;
          } else if (ekey == "rule_ids") {
            if (!evalue.is_array())
              invalid(fpath,
                      std::string("expected an array of rule ids, found ") + evalue.type_name());
            for (std::size_t k = 0; k < evalue.size(); ++k)
              rules.push_back(string_at(evalue[k], fpath + "/" + std::to_string(k)));
            has_rules = true;
          } else {
            invalid(fpath, "unknown field \"" + ekey + "\"; expected decision and rule_ids");
          }
        }
        if (!has_decision) invalid(epath + "/decision", "decision is required");
        if (!has_rules) invalid(epath + "/rule_ids", "rule_ids is required ([] for none)");
        std::sort(rules.begin(), rules.end());
        rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
        c.expect->emplace_back(std::move(decision), std::move(rules));
      }
    } else if (key == "error") {
      if (!value.is_object())
        invalid(path, std::string("expected {\"code\", \"path\"}, found ") + value.type_name());
      if (!value.contains("code")) invalid(path + "/code", "code is required");
      if (!value.contains("path"))
        invalid(path + "/path", "path is required (\"\" for the whole batch)");
      for (const auto& [ekey, evalue] : value.items())
        if (ekey != "code" && ekey != "path" && ekey != "reason")
          invalid(path + "/" + ekey, "unknown field \"" + ekey + "\"; expected code and path");
      c.error.emplace(string_at(value["code"], path + "/code"),
                      string_at(value["path"], path + "/path"));
    } else {
      invalid(path, "unknown field \"" + key +
                        "\"; expected name, description, as_of, stage, options, applications, "
                        "expect or error");
    }
  }
  if (!has_as_of) invalid("/as_of", "as_of is required (YYYY-MM-DD): the date of the check");
  if (c.applications.is_null()) invalid("/applications", "applications is required");
  if (c.expect && c.error) invalid("/error", "a case has expect or error, not both");
  if (!c.expect && !c.error) invalid("/expect", "a case needs expect (reports) or error");
  if (c.expect && c.expect->size() != c.applications.size())
    invalid("/expect",
            "expected one entry per application: " + std::to_string(c.applications.size()) +
                " applications, " + std::to_string(c.expect->size()) + " entries");
  return c;
}

/// A difference between what a case expects and what nxkx gives.
struct difference {
  std::optional<std::size_t> application;  ///< the application it concerns, if one
  std::string field;                       ///< decision, rule_ids, error, error.code, error.path
  ojson expected;                          ///< a string, or the rule ids (an array)
  ojson found;
};

struct case_result {
  std::string file;
  std::string name;
  std::optional<case_error> unreadable;
  std::vector<difference> differences;
};

/// A value of a difference for people: a string as it is, rule ids joined ("(none)" if none).
std::string shown(const ojson& v) {
  if (v.is_string()) return v.get<std::string>();
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += ", ";
    out += s.get<std::string>();
  }
  return out.empty() ? "(none)" : out;
}

void run_case(const notice& n, conformance_case& c, case_result& r) {
  std::vector<report> reports;
  try {
    const auto apps = parse_applications(c.applications.dump(), n);
    reports = check_batch(n, apps, c.options);
  } catch (const input_error& e) {
    const std::string found = e.code() + " at \"" + e.path() + "\": " + e.reason();
    if (!c.error) {
      r.differences.push_back({std::nullopt, "error", "reports", found});
    } else {
      if (e.code() != c.error->first)
        r.differences.push_back({std::nullopt, "error.code", c.error->first, e.code()});
      if (e.path() != c.error->second)
        r.differences.push_back({std::nullopt, "error.path", c.error->second, e.path()});
    }
    return;
  }
  if (c.error) {
    r.differences.push_back({std::nullopt, "error",
                             c.error->first + " at \"" + c.error->second + "\"",
                             std::to_string(reports.size()) + " reports"});
    return;
  }
  for (std::size_t i = 0; i < reports.size() && i < c.expect->size(); ++i) {
    const auto& [decision, rules] = (*c.expect)[i];
    const std::string got(to_code(reports[i].decision));
    if (got != decision) r.differences.push_back({i, "decision", decision, got});
    std::set<std::string> ids;
    for (const auto& f : reports[i].findings) ids.insert(f.rule_id);
    const std::vector<std::string> got_rules(ids.begin(), ids.end());
    if (got_rules != rules) r.differences.push_back({i, "rule_ids", rules, got_rules});
  }
}

case_result run_file(const notice& n, const std::string& file) {
  case_result r;
  r.file = file;
  r.name = std::filesystem::path(file).stem().string();
  try {
    std::string text;
    try {
      text = read_input(file, byte_limit{input_limits{}.max_batch_bytes, "max_batch_bytes"});
    } catch (const input_error& e) {
      throw case_error{e.code(), e.path(), e.reason(message_language())};
    }
    ojson doc;
    try {
      doc = ojson::parse(text);
    } catch (const ojson::exception& e) {
      throw case_error{"case.syntax", "", std::string("not JSON: ") + e.what()};
    }
    conformance_case c = read_case(doc, r.name);
    r.name = c.name;
    run_case(n, c, r);
  } catch (const case_error& e) {
    r.unreadable = e;
  }
  return r;
}

ojson to_json(const case_result& r) {
  ojson o{{"file", r.file}, {"name", r.name}};
  if (r.unreadable) {
    o["status"] = "error";
    o["error"] = {{"code", r.unreadable->code},
                  {"path", r.unreadable->path},
                  {"reason", r.unreadable->reason}};
    return o;
  }
  o["status"] = r.differences.empty() ? "pass" : "fail";
  ojson diffs = ojson::array();
  for (const auto& d : r.differences) {
    ojson x;
    if (d.application) x["application"] = *d.application;
    x["field"] = d.field;
    x["expected"] = d.expected;
    x["found"] = d.found;
    diffs.push_back(std::move(x));
  }
  o["differences"] = std::move(diffs);
  return o;
}

std::string to_text(const case_result& r, lang l) {
  const bool zh = l == lang::zh;
  std::string out;
  if (r.unreadable) {
    out += (zh ? "错误 " : "ERROR ") + visible_text(r.file) + ": ";
    if (!r.unreadable->path.empty()) out += visible_text(r.unreadable->path) + ": ";
    out += visible_text(r.unreadable->reason) + " [" + r.unreadable->code + "]\n";
    return out;
  }
  out += r.differences.empty() ? (zh ? "通过 " : "pass ") : (zh ? "不符 " : "FAIL ");
  out += visible_text(r.name);
  if (r.name != std::filesystem::path(r.file).stem().string())
    out += " (" + visible_text(r.file) + ")";
  out += '\n';
  for (const auto& d : r.differences) {
    out += "    ";
    if (d.application)
      out += (zh ? "申报 #" : "application #") + std::to_string(*d.application) + " ";
    out += d.field + (zh ? "：应为 " : ": expected ") + visible_text(shown(d.expected)) +
           (zh ? "，实为 " : ", found ") + visible_text(shown(d.found)) + "\n";
  }
  return out;
}

}  // namespace

runner add_conformance(CLI::App& app) {
  auto a = std::make_shared<conformance_args>();
  CLI::App* sub = app.add_subcommand(
      "conformance",
      "Run conformance cases (tests/conformance/README.md: as_of, stage, options, applications, "
      "expect or error) against the notice and say, case by case, whether nxkx gives what each "
      "expects: the decisions and rule ids, or the input error's code and path. A folder is "
      "every .json file under it. Exit status: 0 every case passed, 1 a case failed, 2 a case "
      "file, the pack or a path could not be read, 4 no case found (a folder without one).");
  sub->add_option("paths", a->paths, "Case files or folders of case files")
      ->required()
      ->type_name("PATH");
  add_notice_option(*sub, a->common);
  add_format_option(*sub, a->common);
  add_lang_option(*sub, a->common);
  return [a] {
    const auto n = load_notice(a->common);
    if (!n) return int{exit_bad_input};
    std::vector<std::string> empty_folders;
    const std::vector<std::string> files = expand_inputs(a->paths, ".json", empty_folders);
    for (const auto& f : empty_folders)
      print_error(f, input_error("input.empty", "", "no .json case file in this folder",
                                 "这个文件夹里没有 .json 用例文件"));
    std::size_t passed = 0, failed = 0, errors = 0;
    const lang l = a->common.language();
    ojson cases = ojson::array();
    for (const auto& f : files) {
      const case_result r = run_file(*n, f);
      if (r.unreadable)
        ++errors;
      else if (r.differences.empty())
        ++passed;
      else
        ++failed;
      if (a->common.json())
        cases.push_back(to_json(r));
      else
        write_out(to_text(r, l));
    }
    const std::size_t total = files.size();
    if (a->common.json()) {
      ojson doc{{"notice", n->info().id},
                {"cases", std::move(cases)},
                {"summary",
                 {{"cases", total}, {"passed", passed}, {"failed", failed}, {"errors", errors}}}};
      write_out(doc.dump(2, ' ', false, ojson::error_handler_t::replace) + "\n");
    } else if (l == lang::zh) {
      write_out("\n" + std::to_string(total) + " 个用例：" + std::to_string(passed) + " 个通过，" +
                std::to_string(failed) + " 个不符，" + std::to_string(errors) + " 个无法读取\n");
    } else {
      write_out("\n" + std::to_string(total) + (total == 1 ? " case: " : " cases: ") +
                std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " +
                std::to_string(errors) + " could not be read\n");
    }
    if (errors > 0) return int{exit_bad_input};
    if (failed > 0) return int{exit_not_accepted};
    if (total == 0 || !empty_folders.empty()) return int{exit_empty};
    return int{exit_ok};
  };
}

}  // namespace nxkx::cli
