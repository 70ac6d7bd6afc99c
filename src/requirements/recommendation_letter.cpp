// Kind "recommendation_letter": a 推荐函 is attached and comes from a city-level association
// (市级科协) of the region: its issuing city is one of the region's prefecture-level cities.
#include "requirements/params.hpp"
#include "requirements/requirement.hpp"

namespace nxkx::detail {
namespace {

/// Neither kind takes a param: an empty description, so that any param is an unknown field.
struct no_params {};
constexpr std::span<const param<no_params>> no_desc{};

class recommendation_letter_requirement final : public requirement {
 public:
  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& letter = ctx.app.recommendation_letter;
    if (letter && letter->city) {
      const division* d = ctx.n.divisions.find(*letter->city);
      if (d && d->level == division_level::city) return true;
    }
    violation v;
    v.path = "/recommendation_letter";
    if (!ctx.app.recommendation_letter) {
      v.message = "missing";
      v.found = {"未附推荐函", "no letter attached"};
      out.push_back(std::move(v));
      return true;
    }
    const recommendation_letter& l = *ctx.app.recommendation_letter;
    v.path += "/city";
    if (!l.city) {
      v.unknown = true;
      v.found = {"未填写", "not given"};
      out.push_back(std::move(v));
      return true;
    }
    const division* d = ctx.n.divisions.find(*l.city);
    v.found = d ? localized{d->name + "（" + d->code + "）", d->name + " (" + d->code + ")"}
                : both(*l.city);
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string> message_names() const override { return {"missing"}; }
};

class same_city_requirement final : public requirement {
 public:
  bool evaluate(const eval_context& ctx, std::vector<violation>& out) const override {
    const auto& l = ctx.app.recommendation_letter;
    if (!l || !l->city) return false;  // the recommendation_letter rule reports that
    const division* letter_city = ctx.n.divisions.find(*l->city);
    if (!letter_city || letter_city->level != division_level::city) return false;
    violation v;
    v.path = "/recommendation_letter/city";
    v.found = both(letter_city->name);
    if (!ctx.app.applicant.division) {
      v.unknown = true;
      v.path = "/applicant/division";
      v.vars.emplace_back("own", localized{"未填写", "not given"});
      out.push_back(std::move(v));
      return true;
    }
    const division* own = ctx.n.divisions.city_of(*ctx.app.applicant.division);
    if (own && own->code == letter_city->code) return true;
    v.vars.emplace_back("own", both(own ? own->name : *ctx.app.applicant.division));
    out.push_back(std::move(v));
    return true;
  }

  std::vector<std::string_view> variables() const override { return {"own"}; }
};

}  // namespace

std::unique_ptr<requirement> make_recommendation_letter(const json& params, const std::string& path,
                                                        const notice_data&) {
  read_params<no_params>(params, path, no_desc);
  return std::make_unique<recommendation_letter_requirement>();
}

std::unique_ptr<requirement> make_same_city(const json& params, const std::string& path,
                                            const notice_data&) {
  read_params<no_params>(params, path, no_desc);
  return std::make_unique<same_city_requirement>();
}

std::vector<param_info> recommendation_letter_params() { return describe<no_params>(no_desc); }
std::vector<param_info> same_city_params() { return describe<no_params>(no_desc); }
}  // namespace nxkx::detail
