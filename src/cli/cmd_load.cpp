// rawabit load: stores the JSON Lines that `rawabit extract` writes (for corpora extracted on a
// cluster: `rdd.pipe("rawabit extract")` there, `rawabit load` here).
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "store/sha256.hpp"
#include "store/store.hpp"
#include "text/document.hpp"

namespace rawabit::cli {

namespace {

struct LoadOptions {
  std::vector<std::string> inputs;
  std::string db;
  size_t batch = 4096;  // as build's
};

// Byte offset of every character boundary of a UTF-8 text.
std::vector<size_t> byte_offsets(std::string_view text) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  out.push_back(text.size());
  return out;
}

// A string the database requires (NOT NULL: the store writes an empty string as NULL). Checked
// here, so that a malformed record is refused whole, before any of it is stored.
std::string required(const nlohmann::json& j, const char* key) {
  std::string value = j.at(key).get<std::string>();
  if (value.empty()) throw Error(std::string("empty \"") + key + "\"");
  return value;
}

// One extract record back into a document and its annotations; throws on a malformed record.
std::pair<text::Document, extract::Annotations> from_record(const nlohmann::json& r) {
  if (r.value("rawabit", "") != RAWABIT_VERSION) {
    throw Error("written by rawabit " + r.value("rawabit", std::string("?")) + ", this is " + RAWABIT_VERSION +
                ": extract and load with the same version");
  }
  text::Document doc;
  doc.source = required(r, "document");
  doc.title = r.value("title", "");
  doc.date = r.value("date", "");
  doc.publisher = r.value("publisher", "");
  doc.text = required(r, "text");
  // SQLite's string functions stop at a NUL (the view `sentences` cuts the text with substr),
  // and rawabit extract never writes one: the text layer drops it.
  if (doc.text.find('\0') != std::string::npos) throw Error("the text holds a NUL character (\\u0000)");
  text::analyze_text(doc);  // the same version splits sentences the same way
  std::vector<size_t> bytes = byte_offsets(doc.text);
  auto byte_at = [&](const nlohmann::json& j, const char* key) { return bytes.at(j.at(key).get<size_t>()); };

  extract::Annotations ann;
  for (const auto& e : r.at("entities")) {
    auto type = lexicon::parse_type(e.at("type").get<std::string>());
    if (!type) throw Error("unknown entity type " + e.at("type").dump());
    extract::Entity ent{required(e, "key"), required(e, "name"), e.value("name_ar", ""), e.value("qid", ""), *type,
                        std::nullopt, std::nullopt, e.contains("origin") ? required(e, "origin") : "tagger",
                        e.value("aliases", std::vector<std::string>{})};
    if (e.contains("stands_for")) ent.stands_for = e.at("stands_for").get<uint32_t>();
    ann.entities.push_back(std::move(ent));
  }
  auto entity = [&](const nlohmann::json& j, const char* key) {
    uint32_t i = j.at(key).get<uint32_t>();
    if (i >= ann.entities.size()) throw Error(std::string(key) + " out of range");
    return i;
  };
  auto sentence = [&](const nlohmann::json& j) {
    uint32_t s = j.at("sentence").get<uint32_t>();
    if (s >= doc.sentences.size()) throw Error("sentence out of range");
    return s;
  };
  for (const auto& m : r.at("mentions")) {
    ann.mentions.push_back({entity(m, "entity"), sentence(m), 0, 0, byte_at(m, "start"), byte_at(m, "end"),
                            required(m, "method")});
    if (ann.mentions.back().begin >= ann.mentions.back().end) throw Error("empty mention span");
  }
  for (const auto& f : r.at("facts")) {
    extract::Fact fact{entity(f, "subject"), entity(f, "object"), required(f, "predicate"), sentence(f),
                       byte_at(f.at("evidence"), "start"), byte_at(f.at("evidence"), "end"), f.at("confidence"),
                       f.value("date", ""), {}, required(f, "pattern")};
    const nlohmann::json attrs = f.value("attrs", nlohmann::json::object());
    for (const auto& [k, v] : attrs.items())
      fact.attrs.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
    ann.facts.push_back(std::move(fact));
  }
  return {std::move(doc), std::move(ann)};
}

void load_stream(std::istream& in, const std::string& name, store::Store& store, const LoadOptions& opt,
                 size_t& stored, size_t& bad) {
  std::string line;
  size_t in_batch = 0;
  for (size_t line_no = 1; std::getline(in, line); ++line_no) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      auto [doc, ann] = from_record(nlohmann::json::parse(line));
      store.add(doc, store::sha256_hex(doc.text), ann);
      ++stored;
    } catch (const std::exception& e) {  // nlohmann's errors, out-of-range offsets, rawabit::Error
      std::cerr << "rawabit: warning: " << at_line(name, line_no, std::string("record skipped: ") + e.what(), line)
                << "\n";
      ++bad;
      continue;
    }
    if (++in_batch == opt.batch) {
      store.commit_batch();
      store.begin_batch();
      in_batch = 0;
    }
  }
}

void load(const LoadOptions& opt) {
  store::Store store(opt.db);
  size_t stored = 0, bad = 0;
  store.defer_indexes();
  store.begin_batch();
  if (opt.inputs.empty()) {
    load_stream(std::cin, "stdin", store, opt, stored, bad);
  }
  for (const std::string& path : opt.inputs) {
    std::ifstream in(path);
    if (!in) throw Error(path + ": cannot be read");
    load_stream(in, path, store, opt, stored, bad);
  }
  store.restore_indexes();
  store.remove_orphans();
  store.commit_batch();
  std::cerr << "rawabit: " << stored << " records stored, " << bad << " skipped\n";
  if (stored == 0 && bad > 0) throw Error("no record could be stored");
}

}  // namespace

void add_load_command(CLI::App& app) {
  auto opt = std::make_shared<LoadOptions>();
  CLI::App* cmd = app.add_subcommand("load", "Store the JSON Lines written by `rawabit extract` in a database");
  cmd->add_option("inputs", opt->inputs, "JSON Lines files from `rawabit extract`; standard input without any")
      ->check(CLI::ExistingFile);
  cmd->add_option("--db", opt->db, "The SQLite database to create or update")->required();
  cmd->add_option("--batch", opt->batch, "Records per transaction")->capture_default_str()->check(CLI::Range(1, 100000));
  cmd->callback([opt] { on_database(opt->db, [&] { load(*opt); }); });
}

}  // namespace rawabit::cli
