// Kind "checklist": a list the application gives (the parts of the form, the governance
// systems in place) holds every required item; each missing item is its own finding.
#include <algorithm>

#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

struct checklist_params {
  std::string fact;
  std::string ns;
  std::optional<std::vector<std::string>> items;
};

using clp = checklist_params;
constexpr param<clp> checklist_desc[] = {
    {"fact", &clp::fact, "the list: `form.parts` or `records.governance_systems`", true},
    {"namespace", &clp::ns, "the vocabulary namespace of the items (`form_part`)", true},
    {"items", &clp::items, "the codes that must all be there (at least one)", true},
};

class checklist final : public requirement {
 public:
  checklist(const json& params, const std::string& path, const notice_data& n) : n_(n) {
    const clp p = read_params<clp>(params, path, checklist_desc);
    const std::string& fact = p.fact;
    if (fact == "form.parts")
      list_ = list::form_parts;
    else if (fact == "records.governance_systems")
      list_ = list::governance_systems;
    else
      pack_fail(child(path, "fact"),
                "unknown list \"" + fact + "\"; expected form.parts or records.governance_systems",
                "pack.unknown_code");
    ns_ = p.ns;
    const std::vector<std::string>& items = *p.items;
    if (items.empty()) pack_fail(child(path, "items"), "a checklist needs at least one item");
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string ip = child(child(path, "items"), i);
      const std::string& code = items[i];
      if (!n.label(ns_ + "." + code))
        pack_fail(ip, "unknown " + ns_ + " \"" + code + "\" (not in the vocabulary)",
                  "pack.unknown_code");
      items_.push_back(code);
    }
  }

  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const std::vector<std::string>* given = nullptr;
    std::string path;
    if (list_ == list::form_parts) {
      path = "/form/parts";
      if (!ctx.app.form.parts) {
        violation v;
        v.path = path;
        v.unknown = true;
        v.found = {"未填写", "not given"};
        v.vars.emplace_back("item", localized{"", ""});
        out.push_back(std::move(v));
        return true;
      }
      given = &*ctx.app.form.parts;
    } else {
      path = "/records/governance_systems";
      given = &ctx.app.records.governance_systems;
    }
    for (const auto& item : items_) {
      if (std::find(given->begin(), given->end(), item) != given->end()) continue;
      violation v;
      v.path = path;
      localized l = n_.label_or_code(ns_, item);
      v.found = {"缺少" + l.zh, "missing: " + l.en};
      v.vars.emplace_back("item", std::move(l));
      out.push_back(std::move(v));
    }
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"item"}; }

 private:
  enum class list { form_parts, governance_systems };
  const notice_data& n_;
  list list_ = list::form_parts;
  std::string ns_;
  std::vector<std::string> items_;
};

}  // namespace

std::unique_ptr<requirement> make_checklist(const json& params, const std::string& path,
                                            const notice_data& n) {
  return std::make_unique<checklist>(params, path, n);
}

std::vector<param_info> checklist_params() { return describe<clp>(checklist_desc); }
}  // namespace nxkx::detail
