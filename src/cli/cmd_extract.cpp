// rawabit extract: JSON Lines articles in, one JSON Lines record of entities and relations per
// article out, with no database — a mapper for Spark's RDD.pipe or Hadoop Streaming, and a way to
// see what the extractor makes of a sentence.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/paths.hpp"
#include "extract/entities.hpp"
#include "extract/pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "text/input.hpp"
#include "text/utf8.hpp"

namespace rawabit::cli {

namespace {

nlohmann::json record_of(const text::Document& doc, const extract::Annotations& ann) {
  text::CharCounter chars(doc.text);
  auto span = [&](size_t begin, size_t end) {
    return nlohmann::json{{"start", chars(begin)}, {"end", chars(end)},
                          {"text", doc.text.substr(begin, end - begin)}};
  };
  nlohmann::json entities = nlohmann::json::array(), mentions = nlohmann::json::array(), facts = nlohmann::json::array();
  for (const extract::Entity& e : ann.entities) {
    nlohmann::json j = {{"key", e.key}, {"name", e.name}, {"name_ar", e.name_ar}, {"type", lexicon::type_name(e.type)},
                        {"qid", e.qid}, {"origin", e.origin}, {"aliases", e.aliases}};
    if (e.stands_for) j["stands_for"] = *e.stands_for;
    entities.push_back(std::move(j));
  }
  for (const extract::Mention& m : ann.mentions) {
    nlohmann::json j = span(m.begin, m.end);
    j["entity"] = m.entity;
    j["sentence"] = m.sentence;
    j["method"] = m.method;
    mentions.push_back(std::move(j));
  }
  for (const extract::Fact& f : ann.facts) {
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [k, v] : f.attrs) attrs[k] = v;
    facts.push_back({{"subject", f.subject}, {"predicate", f.predicate}, {"object", f.object}, {"sentence", f.sentence},
                     {"confidence", f.confidence}, {"date", f.date}, {"attrs", attrs}, {"pattern", f.pattern},
                     {"evidence", span(f.begin, f.end)}});
  }
  return {{"rawabit", RAWABIT_VERSION}, {"document", doc.source}, {"title", doc.title}, {"date", doc.date},
          {"publisher", doc.publisher}, {"text", doc.text}, {"entities", entities}, {"mentions", mentions},
          {"facts", facts}};
}

void extract_all(const std::vector<std::string>& inputs, size_t max_document_mb) {
  const lexicon::Lexicon lex = lexicon::Lexicon::load(schema_dir());
  const extract::Extractor extractor(lex, schema_dir());
  text::Warn warn = [](const std::string& w) { std::cerr << "rawabit: warning: " << terminal_safe(w) << "\n"; };
  auto emit = [&](text::Document&& doc) {
    text::analyze_text(doc);
    extract::Annotations ann = extractor.run(doc);
    extract::drop_weak_mentions(ann);  // one document alone cannot vouch for them
    std::cout << record_of(doc, ann).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  };
  if (!inputs.empty()) {
    std::vector<std::filesystem::path> paths(inputs.begin(), inputs.end());
    text::read_inputs(paths, emit, warn, max_document_mb << 20);
    return;
  }
  std::string line;
  for (size_t line_no = 1; std::getline(std::cin, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto doc = text::jsonl_record("stdin", line_no, line, warn);
    if (doc && text::document_fits(*doc, max_document_mb << 20, warn)) emit(std::move(*doc));
  }
}

}  // namespace

void add_extract_command(CLI::App& app) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto max_document_mb = std::make_shared<size_t>(text::kDefaultMaxDocumentBytes >> 20);
  CLI::App* cmd = app.add_subcommand(
      "extract", "Print the entities and relations of each article as JSON Lines, with no database");
  cmd->add_option("inputs", *inputs,
                  "Files or folders as for build; without any, JSON Lines records {id,title,date,source,text} "
                  "are read from standard input");
  cmd->footer("Each output line: {rawabit, document, title, date, publisher, text, entities[{key, name, name_ar, type, "
              "qid, origin, aliases, stands_for}], mentions[{entity, sentence, start, end, text, method}], "
              "facts[{subject, predicate, object, sentence, confidence, date, attrs, pattern, evidence}]}. Offsets "
              "are characters into text; subject, object, entity and stands_for index entities[]. `rawabit load` "
              "stores such lines.");
  cmd->add_option("--max-document-mb", *max_document_mb, "Skip, with a warning, a document of more than this many MB")
      ->capture_default_str()
      ->check(CLI::Range(1, 32));
  cmd->callback([inputs, max_document_mb] { extract_all(*inputs, *max_document_mb); });
}

}  // namespace rawabit::cli
