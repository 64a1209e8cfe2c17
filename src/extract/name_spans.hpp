// Cleaning the spans of names no list knows, after the tagger and before they become entities
// (issue 16). The tagger reads whole words, so:
//  - a conjunction or preposition glued to a name's first word comes with it: «ونايف هزازي»,
//    «بجندوبة» are «نايف هزازي», «جندوبة»;
//  - two names joined by «و» become one: «نايف هزازي وشالح العتيبي» is two persons;
//  - a blessing after a name is read as part of it: «عمر رضي الله عنه» is «عمر»;
//  - a chain of forefathers is cut short: «عادل بن أحمد» of «عادل بن أحمد الجبير».
// Glued words are the corpus's (Lexicon::glued_words): «وليد», «فراس», «بوينغ» keep their first
// letter, being names or words in their own right.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

#include "extract/sentence_view.hpp"
#include "lexicon/lexicon.hpp"
#include "text/document.hpp"

namespace rawabit::extract {

struct NameSpan {
  size_t first, end;       // tokens [first, end)
  size_t stem_offset = 0;  // normalized bytes of the first token before the name (a proclitic)
  // «للاتحاد الدولي» is «ل» + «الاتحاد الدولي»: the span leaves out «لل», the name takes «ال» back.
  bool article_elided = false;
  bool operator==(const NameSpan&) const = default;
};

// The bytes of a proclitic glued to a normalized word, to leave out of a name it begins: 0
// unless the corpus reads the word as a proclitic plus a more frequent word — a common word only
// where `common_stem` (the head noun of an organization's name: «لجبهة»; a person's «فراس» is no
// «ف» + «راس»).
size_t glued_proclitic(std::string_view word, const lexicon::Lexicon& lex, bool common_stem);

// The same for the word at token t that begins a name ending before token `end`, with the
// document's evidence besides the corpus's: a word the corpus does not list is a proclitic plus a
// stem when the document writes that stem alone, followed by the name's next word if it has one
// («بجندوبة» where «جندوبة» stands elsewhere; «وهاري كين» where «هاري كين» does), a stem of three
// letters at least, and no common word in a one-word name. A link word («لبن لادن») is a stem as
// it is. 0 where the first letter is the name's own (own_first_letter) or the word a head noun
// (Lexicon::construct_heads: «وادي حمارا»); the first letter alone
// where the corpus writes the rest before the next word (Lexicon::proclitic_before_name:
// «ونذير القطاري», «لمنزل بورقيبة»; «وبليغ حمدي»).
size_t name_proclitic(const text::Document& doc, size_t t, size_t end, const lexicon::Lexicon& lex,
                      bool common_stem);

// The bytes of «لل» at the start of a normalized word that is «ل» + the article + a noun the
// corpus writes with the article («للاتحاد», «للبنك»): 0 for any other word («للارس» is «ل» +
// «لارس»).
size_t elided_article(std::string_view word, const lexicon::Lexicon& lex);

// Whether the first letter of the word at token t is the own letter of a name it begins, by the
// corpus's word pairs (Lexicon::own_first_letter, own_words, construct_heads): the corpus writes it
// whole before the next word («بليغ حمدي», «فيدل كاسترو», «بوروسيا دورتموند») or ten times as often
// as its stem anywhere («بيراميدز»), or it follows a head noun in construct or a preposition
// («محافظة بابل», «جزيرة بريم», «في بابل»).
bool own_first_letter(const text::Document& doc, size_t t, const lexicon::Lexicon& lex);

// name_proclitic() without the corpus's word pairs: the glued-words list and the document.
size_t letters_before_name(const text::Document& doc, size_t t, size_t end, const lexicon::Lexicon& lex,
                           bool common_stem);

// Whether a name that reaches token t - 1 goes on over the common word at t, by the corpus's
// word pairs (Lexicon::name_goes_on: «فرحان حق», «كريستوفر راي»).
bool name_goes_on(const text::Document& doc, size_t t, const lexicon::Lexicon& lex);

// Whether a word links a chain of names: «بن», «ابن», «بنت», «آل», «أبو».
bool is_link(std::string_view w);

// Whether token t is a noun of kinship that ends a person's name before it: «الأمير فيليب زوج
// الملكة», «أسامة نجل …» (relation_words.tsv's kin-noun, but «ابن», which links a chain of names).
bool kin_noun_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex);

// Whether token t is the preposition «أمام» (before, against), written so: «صلاح أمام ليفربول»,
// «محامي واينستين برافمان أمام المحكمة». Unhamzated «امام» may be «إمام» (imam), as in «عادل إمام».
bool preposition_amam_at(const text::Document& doc, size_t t);

// Whether a normalized word is a common or ordinary noun with a possessive pronoun on it
// («خارجيته», his foreign [ministry]; «وزرائها», «دفاعه»): the corpus's lists hold the noun bare.
bool pronoun_suffixed_noun(std::string_view w, const lexicon::Lexicon& lex);

// Whether a person's name ends before token t: a noun of kinship, the preposition «أمام», «ل»
// and the article before a noun («فتيحة بن قاسم للعربية»), or a word the corpus writes with
// tanween («تشارلز مازحا», Charles jokingly: Lexicon::tanween_words).
bool ends_person_name_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex);

// Whether the word at token t, after a name's first word, is «و» glued to a name word or a word
// with the article, beginning something else: «الرئيسين كيم وترامب», «الأمير وليام وكاثرين
// ميدلتون», «كرارة والفنانة ريم»; not «وئام وهاب», «رون ويدن», whose stems are no name words.
bool another_name_at(const text::Document& doc, size_t t, const lexicon::Lexicon& lex);

// Whether a blessing or honorific begins at token t («رضي الله عنه»), within [t, limit).
bool blessing_at(const text::Document& doc, size_t t, size_t limit, const lexicon::Lexicon& lex);

enum class NameKind { Person, Organization, Place };

// The names in a span [first, end) the tagger found: the proclitic of its first word left out
// (for organizations and places «لل» too, the article elided after it),
// cut before a blessing, and — for persons and places, not organizations, whose names join words
// with و («منظمة الأغذية والزراعة») — split before a later word that is «و» glued to a word.
// Appends to `out` the spans that keep a word; [first, end) lies in a sentence that ends before
// token `sentence_end`.
void clean_name_span(const text::Document& doc, const lexicon::Lexicon& lex, size_t first, size_t end,
                     size_t sentence_end, NameKind kind, std::vector<NameSpan>& out);

// The end of the plausible part of a name [sp.first, sp.end) that only the tagger found, by the
// corpus's ordinary and name words (Lexicon::ordinary_words, name_words): the name ends before a
// word with a preposition glued to an ordinary word («مونبيليه لكأس العالم», «ديليك للحفر»; in an
// organization only after a word neither ordinary nor with the article, not in «الاتحاد الدولي
// لكرة القدم»), then loses the
// ordinary words of four letters or more without the article it ends in («مافريكس سادس», «صلاح
// يستغرب»). Returns
// sp.first when nothing plausible remains: every word ordinary and without the article, or, once
// the ordinary words are cut off, one word the corpus does not read as a name or a common word
// («قصور كلوي», «معهد مجاور»).
size_t plausible_end(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp, NameKind kind);

// The first word of a person's name [sp.first, sp.end) that only the tagger found: after an
// ordinary word of four letters or more the tagger read with it («استهدفت بن لادن», «وكان بن
// ناصر»), when two words remain.
size_t plausible_first(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp);

// Whether a person's name [sp.first, sp.end) that only the tagger found is a noun and the
// adjective of a state after it («جاسوس روسي», «دبلوماسي روسي», «مخترع دنماركي»): the last word a
// nisba without the article, every word before it one the corpus writes with the article as well
// (Lexicon::article_words) or an ordinary word. «عادل تركي» is a name: «العادل» is rare.
bool noun_and_nisba(const SentenceView& view, const lexicon::Lexicon& lex, const NameSpan& sp);
// Whether every word of [sp.first, sp.end) is the dual of an ordinary word, all in one case: a
// noun and the adjectives that agree with it («مصدران دبلوماسيان», «زوجان باكستانيان», «بارجتين
// فرنسيتين»), or a dual title and an adjective («مسؤولان إيرانيان»), never a name.
bool duals_in_agreement(const SentenceView& view, const lexicon::Lexicon& lex, const NameSpan& sp);
// The bytes of «و» to leave out of the word at t, which begins a name right after another name's
// end: in «محمود وادي وإسلام عيسى وأحمد شكري» each «و» joins the list. 0 where the word with «و» is
// one the corpus knows («وليد», «وادي»).
size_t enumerated_and(const text::Document& doc, const lexicon::Lexicon& lex, size_t t);

// The end of a person's name [sp.first, sp.end) that only the tagger found, of three words or more
// beginning with a whole name of two (Lexicon::complete_names: «هيكتور كوبر», «محمد صلاح»): the
// words after it are another name or a verb («هيكتور كوبر شيكابالا», «محمد صلاح سيتعافى»), unless
// the third is a family name with the article or the pair goes on with a link word («بن»).
size_t whole_name_end(const text::Document& doc, const lexicon::Lexicon& lex, const NameSpan& sp);

// The end of a name that ends before token `end` extended over «في» after «تي»: the V of TV, which
// the tagger reads as the preposition («فرانس تي في», «بي اف ام تي في الإخبارية»); not where a name
// follows, the object of the preposition («إي يو جي تي في الولايات المتحدة»). Returns `end`
// otherwise.
size_t television_end(const SentenceView& view, size_t end);

// Whether token t is a hyphen written against the words on both sides («جونز-بوس»).
bool glued_hyphen(const text::Document& doc, size_t t);

// A person's name ending before token `end` extended over a hyphen and a word written against it
// on both sides («رينيه جونز-بوس», «مون جي-إن», «أوكسلايد-تشامبرلاين»): not a word a mention
// covers nor a common word (a function word may be a syllable: «إن»). Returns the new end, within
// view's sentence.
size_t hyphenated_end(const SentenceView& view, size_t end);

// A person's span [first, end) in view's sentence extended over the chain of forefathers that
// follows it: «بن», «ابن», «بنت», «آل» or «أبو» and a name word, repeated, then a family name
// with the article («عادل بن أحمد الجبير»). Name words are not common, function or title words,
// nor nisbas with the article, nor covered by a mention. Returns the new end.
size_t forefathers_end(const SentenceView& view, size_t first, size_t end);

}  // namespace rawabit::extract
