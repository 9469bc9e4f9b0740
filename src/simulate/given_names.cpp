#include "simulate/given_names.h"

#include <cmath>

#include "korean/hangul.h"
#include "korean/syllable_prior.h"
#include "korean/utf8.h"
#include "model/error.h"

namespace uncounted::simulate {
namespace {

// Popular given names by decade of birth (1940s, 1950s, 1960s, 1970s, 1980s
// and later), most frequent first. South Korean leaders are the Supreme
// Court's birth-registration rankings as released in 2007, 2009 and 2016
// (data/README.md "Given names"); North Korean names reported as typical of
// the same generations (영철, 명철, 광철, 순희, 옥희, 정숙 ...) complete each
// list. The lists fix which names are popular, not their exact counts: the
// knob sets how many people carry one of them.
constexpr const char* kMale[5][10] = {
    {"영수", "영호", "영식", "영철", "영길", "영일", "정수", "광호", "상철", "명수"},
    {"영수", "영철", "영호", "영남", "성수", "명철", "광철", "정호", "영식", "철수"},
    {"성호", "영수", "영호", "영철", "명철", "광철", "성철", "철호", "정철", "영남"},
    {"정훈", "성호", "성훈", "성진", "철민", "광혁", "명철", "성철", "영철", "은철"},
    {"지훈", "성민", "현우", "정훈", "철민", "광혁", "은철", "충혁", "명진", "성진"},
};
constexpr const char* kFemale[5][10] = {
    {"영자", "정자", "순자", "정순", "정숙", "영숙", "순희", "옥순", "영희", "춘자"},
    {"영숙", "정숙", "영희", "순희", "명숙", "경자", "옥희", "영순", "정희", "순옥"},
    {"미경", "미숙", "경희", "경숙", "영희", "순희", "옥희", "정숙", "명숙", "영옥"},
    {"미영", "은정", "은주", "은영", "영희", "옥희", "은희", "정희", "명희", "경희"},
    {"지혜", "지은", "수진", "혜진", "은정", "은희", "은경", "명순", "설경", "금희"},
};

korean::HangulName given_only(const char* text) {
  korean::HangulName name;
  std::u32string code_points;
  korean::decode_utf8(text, code_points);
  for (char32_t cp : code_points) name.syllables[name.length++] = korean::syllable_index(cp);
  return name;
}

}  // namespace

bool parse_name_concentration(const std::string& text, NameConcentration& out) {
  if (text == "diverse") {
    out = NameConcentration::kDiverse;
  } else if (text == "realistic") {
    out = NameConcentration::kRealistic;
  } else if (text == "extreme") {
    out = NameConcentration::kExtreme;
  } else {
    return false;
  }
  return true;
}

std::string to_string(NameConcentration c) {
  switch (c) {
    case NameConcentration::kDiverse:
      return "diverse";
    case NameConcentration::kRealistic:
      return "realistic";
    case NameConcentration::kExtreme:
      return "extreme";
  }
  return "diverse";
}

GivenNameModel::GivenNameModel(NameConcentration concentration) : concentration_(concentration) {
  // The syllable pool. Diverse: every listed syllable with Sino-Korean
  // finals (cost <= 1.6, syllable_prior.cpp), weighted exp(-2 cost), as the
  // simulator always drew. Realistic: exp(-6 cost), so the 43 most common
  // syllables and the 62 very common ones carry nearly all draws. Extreme:
  // the 43 most common syllables only.
  const double sharpness = concentration == NameConcentration::kDiverse ? 2.0 : 6.0;
  const float max_cost = concentration == NameConcentration::kExtreme ? 0.01f : 1.7f;
  for (int s = 0; s < korean::kSyllableCount; ++s) {
    const float cost = korean::given_syllable_cost(static_cast<korean::SyllableIndex>(s));
    if (cost > max_cost) continue;
    syllables_.push_back(static_cast<korean::SyllableIndex>(s));
    syllable_weights_.push_back(std::exp(-sharpness * cost));
  }
  if (syllables_.empty()) throw runtime_error("the given-name syllable table is empty", "simulate");
  // Shares of people carrying one of their cohort's popular names. Anchors:
  // of girls born in 1975 the four leading names alone were 8.3% (미영
  // 9,129, 은정 9,012, 은주 8,732, 은영 8,159 of about 425,000), of boys the
  // four leading 1.7% (정훈 2,286, 성호 1,789, 성훈 1,756, 성진 1,745 of about
  // 450,000); girls' names are the more concentrated. The ten names of a
  // list together are taken as about three times the leading four.
  if (concentration == NameConcentration::kRealistic) {
    popular_share_female_ = 0.25;
    popular_share_male_ = 0.10;
  } else if (concentration == NameConcentration::kExtreme) {
    popular_share_female_ = 0.6;
    popular_share_male_ = 0.5;
  }
  for (int d = 0; d < 5; ++d) {
    Cohort m, f;
    for (int k = 0; k < 10; ++k) {
      // Leaders are nearly level (1975's four leading girls' names are
      // within 11% of each other): weights fall as rank^-0.5.
      const double w = 1.0 / std::sqrt(k + 1.0);
      m.names.push_back(given_only(kMale[d][k]));
      m.weights.push_back(w);
      f.names.push_back(given_only(kFemale[d][k]));
      f.weights.push_back(w);
    }
    male_.push_back(std::move(m));
    female_.push_back(std::move(f));
  }
}

const GivenNameModel::Cohort& GivenNameModel::cohort(bool female, int birth_year) const {
  int d = (birth_year - 1940) / 10;
  d = d < 0 ? 0 : (d > 4 ? 4 : d);
  return female ? female_[d] : male_[d];
}

void GivenNameModel::draw_syllables(korean::HangulName& name, RandomStream& random) const {
  // About one given name in ten has a single syllable.
  const int given = random.bernoulli(0.1) ? 1 : 2;
  for (int i = 0; i < given; ++i) {
    korean::SyllableIndex s;
    do {
      s = syllables_[random.categorical(syllable_weights_)];
    } while (i > 0 && s == name.syllables[name.length - 1]);  // 철철 is rare
    name.syllables[name.length++] = s;
  }
}

void GivenNameModel::draw(bool female, int birth_year, korean::HangulName& name,
                          RandomStream& random) const {
  if (concentration_ == NameConcentration::kDiverse) {
    draw_syllables(name, random);
    return;
  }
  const double popular = female ? popular_share_female_ : popular_share_male_;
  if (random.bernoulli(popular)) {
    const Cohort& c = cohort(female, birth_year);
    const korean::HangulName& given = c.names[random.categorical(c.weights)];
    for (int i = 0; i < given.length; ++i) name.syllables[name.length++] = given.syllables[i];
    return;
  }
  draw_syllables(name, random);
}

}  // namespace uncounted::simulate
