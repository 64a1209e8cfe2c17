// rawabit eval: scores a database against a gold annotation file, as ../shared/eval/score.py does.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "store/evaluation.hpp"

namespace rawabit::cli {

namespace {

struct EvalOptions {
  std::string gold, db;
  bool json = false, show_misses = false;
};

// Python's round(x, 4): the exact binary value rounded to 4 decimals, ties to even, which is what
// printf does; std::round(x * 10000) rounds ties away from zero (1/32 → 0.0313, Python 0.0312).
double round4(double x) {
  char text[64];
  std::snprintf(text, sizeof text, "%.4f", x);
  return std::strtod(text, nullptr);
}

nlohmann::ordered_json as_json(const store::Score& s) {
  return {{"tp", s.tp}, {"fp", s.fp}, {"fn", s.fn}, {"precision", round4(s.precision())},
          {"recall", round4(s.recall())}, {"f1", round4(s.f1())}};
}

void eval(const EvalOptions& opt) {
  SQLite::Database db = [&] {
    try {
      return SQLite::Database(opt.db, SQLite::OPEN_READONLY);
    } catch (const SQLite::Exception& e) {
      throw Error(opt.db + ": cannot open the database: " + e.what());
    }
  }();
  store::Evaluation r = store::evaluate(opt.gold, db);
  nlohmann::ordered_json out = {{"ent", as_json(r.entities)},
                        {"ent_typed", as_json(r.entities_typed)},
                        {"rel", as_json(r.relations)},
                        {"rel_explicit",
                         {{"recall", round4(r.explicit_recall())},
                          {"tp", r.explicit_found},
                          {"fn", r.explicit_missed}}}};
  if (opt.json) {
    std::cout << out.dump(1) << "\n";
    return;
  }
  if (opt.show_misses)
    for (const std::string& m : r.misses) std::cout << m << "\n";
  for (const char* k : {"ent", "ent_typed", "rel", "rel_explicit"}) {
    std::cout << std::left << std::setw(13) << k;
    for (const auto& [name, value] : out[k].items()) std::cout << " " << name << "=" << value.dump();
    std::cout << "\n";
  }
}

}  // namespace

void add_eval_command(CLI::App& app) {
  auto opt = std::make_shared<EvalOptions>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score a database against a gold annotation file (entities, typed entities, relations)");
  cmd->add_option("gold", opt->gold, "Gold annotations: {\"documents\": [{doc, entities, optional_entities, relations}]}")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--db", opt->db, "The database to score")->required()->check(CLI::ExistingFile);
  cmd->add_flag("--json", opt->json, "Print the scores as JSON");
  cmd->add_flag("--show-misses", opt->show_misses, "List false positives and misses first");
  cmd->callback([opt] { on_database(opt->db, [&] { eval(*opt); }); });
}

}  // namespace rawabit::cli
