#include "lexicon/gazetteer.hpp"

#include <algorithm>

#include "lexicon/tsv.hpp"

namespace fs = std::filesystem;

namespace rawabit::lexicon {

Gazetteer Gazetteer::load_dir(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  if (ec) throw Error(dir.string() + ": cannot read the gazetteer folder: " + ec.message());
  std::sort(files.begin(), files.end());
  Gazetteer g;
  for (const fs::path& f : files) g.load_file(f);
  g.resolve_references();
  return g;
}

void Gazetteer::load_file(const fs::path& file) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(4, 6);
    auto field = [&](size_t i) { return i < line.fields.size() ? std::string(line.fields[i]) : std::string(); };
    GazetteerEntry e;
    e.name_en = field(0);
    auto type = parse_type(line.fields[1]);
    if (!type) line.fail("unknown entity type «" + field(1) + "»");
    if (e.name_en.empty()) line.fail("empty English name");
    e.type = *type;
    e.name_ar = field(2);
    if (!e.name_ar.empty()) e.forms.push_back(e.name_ar);
    for (std::string_view a : split_list(line.fields[3])) e.forms.emplace_back(a);
    e.qid = field(4);
    e.origin = line.file + ":" + std::to_string(line.number);
    if (e.forms.empty()) line.fail("entry has no Arabic form");
    std::string stands_for = field(5);
    try {
      uint32_t index = add(std::move(e));
      if (!stands_for.empty()) pending_stands_for_.emplace_back(index, stands_for);
    } catch (const Error& err) {
      line.fail(err.what());
    }
  });
}

uint32_t Gazetteer::add(GazetteerEntry e) {
  if (by_name_.count(e.name_en)) {
    throw Error("«" + e.name_en + "» is already defined at " + entries_[by_name_[e.name_en]].origin);
  }
  uint32_t index = static_cast<uint32_t>(entries_.size());
  for (const std::string& form : e.forms) {
    std::optional<uint32_t> existing;
    forms_.add(form, index, &existing);
    if (existing && *existing != index) {
      throw Error("the form «" + form + "» already belongs to «" + entries_[*existing].name_en + "» (" +
                  entries_[*existing].origin + ")");
    }
  }
  by_name_.emplace(e.name_en, index);
  entries_.push_back(std::move(e));
  return index;
}

void Gazetteer::resolve_references() {
  for (const auto& [index, name] : pending_stands_for_) {
    auto target = by_name(name);
    if (!target) throw Error(entries_[index].origin + ": stands_for names no entry: «" + name + "»");
    entries_[index].stands_for = *target;
  }
  pending_stands_for_.clear();
}

std::optional<uint32_t> Gazetteer::by_name(std::string_view name_en) const {
  auto it = by_name_.find(std::string(name_en));
  if (it == by_name_.end()) return std::nullopt;
  return it->second;
}

}  // namespace rawabit::lexicon
