#include "lexicon/patterns.hpp"

#include <array>

#include "lexicon/trigger_forms.hpp"
#include "lexicon/tsv.hpp"
#include "text/normalize.hpp"

namespace rawabit::lexicon {

namespace {

constexpr std::array<std::string_view, 20> kPredicates = {
    "leader_of", "official_of", "affiliated_with", "member_of", "withdrew_from", "suspended_participation_in",
    "ally_of", "cooperates_with", "signed_agreement_with", "met_with", "visited", "deployed_weapons_in",
    "deployed_troops_in", "supplied_weapons_to", "trained_forces_of", "attacked", "annexed", "sanctioned",
    "requested_help_from", "warned"};

uint8_t parse_types(const TsvLine& line, std::string_view spec) {
  uint8_t bits = 0;
  for (std::string_view t : split_list(spec, ',')) {
    if (t == "any") {
      bits |= 0x3F;
    } else if (t == "actor") {
      bits |= type_bit(EntityType::Person) | type_bit(EntityType::Organization) | type_bit(EntityType::Country);
    } else if (t == "heads") {
      bits |= kHeadsOfState;
    } else if (t == "place") {
      bits |= type_bit(EntityType::Country) | type_bit(EntityType::Location);
    } else if (auto type = parse_type(t)) {
      bits |= type_bit(*type);
    } else {
      line.fail("unknown entity type «" + std::string(t) + "»");
    }
  }
  if (!bits) line.fail("no entity types given");
  return bits;
}

SlotSpec parse_slot(const TsvLine& line, std::string_view spec, std::string_view types) {
  SlotSpec s;
  for (std::string_view w : split_list(spec, ';')) {
    if (w.ends_with('*')) {  // an enumeration, in any of the positions
      s.list = true;
      w.remove_suffix(1);
    }
    size_t window = 0;
    if (size_t colon = w.find(':'); colon != std::string_view::npos && !w.starts_with("prep:")) {
      std::optional<size_t> n = parse_number<size_t>(w.substr(colon + 1));
      if (!n || *n == 0 || *n > 60) line.fail("a window is a number of words from 1 to 60");
      window = *n;
      w = w.substr(0, colon);
    }
    if (w == "after") s.where.push_back({Slot::After, window});
    else if (w == "before") s.where.push_back({Slot::Before, window});
    else if (w == "between") s.where.push_back({Slot::Between, window});
    else if (w == "direct") s.where.push_back({Slot::Direct, window});
    else if (w == "topic") s.where.push_back({Slot::Topic, window});
    else if (w.starts_with("prep:")) {
      s.where.push_back({Slot::Prep, 0});
      for (std::string_view p : split_list(w.substr(5), ',')) s.preps.push_back(text::normalize_form(p));
    } else {
      line.fail("unknown argument position «" + std::string(w) + "»");
    }
  }
  if (s.where.empty()) line.fail("no argument position given");
  s.types = parse_types(line, types);
  return s;
}

}  // namespace

bool is_known_predicate(std::string_view p) {
  for (std::string_view k : kPredicates)
    if (k == p) return true;
  return false;
}

bool is_symmetric(std::string_view p) {
  return p == "met_with" || p == "ally_of" || p == "cooperates_with" || p == "signed_agreement_with";
}

void PatternTable::add_trigger(std::string_view trigger, uint32_t pattern, bool suffixed) {
  std::optional<uint32_t> existing;
  uint32_t id = static_cast<uint32_t>(trigger_patterns_.size());
  triggers_.add(trigger, id, &existing);
  if (!existing) {
    trigger_patterns_.push_back({pattern});
    suffixed_.push_back(suffixed);
    return;
  }
  if (!suffixed) suffixed_[*existing] = false;  // listed as it is somewhere: no pronoun to resolve
  std::vector<uint32_t>& patterns = trigger_patterns_[*existing];
  if (patterns.back() != pattern) patterns.push_back(pattern);  // a form made twice for one pattern
}

void PatternTable::load(const std::filesystem::path& file) {
  read_tsv(file, [&](const TsvLine& line) {
    line.expect_fields(7, 9);
    Pattern p;
    p.predicate = std::string(line.fields[0]);
    if (!is_known_predicate(p.predicate)) line.fail("unknown predicate «" + p.predicate + "»");
    p.subject = parse_slot(line, line.fields[2], line.fields[4]);
    p.object = parse_slot(line, line.fields[3], line.fields[5]);
    std::optional<double> confidence = parse_number<double>(line.fields[6]);
    if (!confidence || *confidence < 0 || *confidence > 1) line.fail("confidence must be a number in [0, 1]");
    p.confidence = *confidence;
    if (line.fields.size() > 7)
      for (std::string_view w : split_list(line.fields[7])) p.requires_words.add(w);
    if (line.fields.size() > 8) {
      p.attribute = std::string(line.fields[8]);
      if (p.requires_words.size() == 0) line.fail("an attribute needs required words to take its phrase from");
    }
    p.origin = line.file.substr(line.file.rfind('/') + 1) + ":" + std::to_string(line.number);
    uint32_t index = static_cast<uint32_t>(patterns_.size());
    patterns_.push_back(std::move(p));
    for (std::string_view trigger : split_list(line.fields[1])) {
      add_trigger(trigger, index, false);
      for (const std::string& form : suffixed_forms(trigger)) add_trigger(form, index, true);
    }
  });
}

}  // namespace rawabit::lexicon
