#include "report/warning_text.h"

#include <cctype>
#include <optional>
#include <vector>

#include "pipeline/store_estimation.h"

namespace uncounted::report {
namespace {

// The numbers in TEXT, in order ("12 of 15" -> {"12", "15"}).
std::vector<std::string> numbers_in(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) != 0 ||
                               text[j] == '.' || text[j] == ','))
      ++j;
    while (j > i && (text[j - 1] == '.' || text[j - 1] == ',')) --j;
    out.emplace_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string nth(const std::vector<std::string>& numbers, std::size_t k) {
  return k < numbers.size() ? numbers[k] : "?";
}

std::optional<std::string> translate(std::string_view english) {
  const auto has = [&](std::string_view phrase) {
    return english.find(phrase) != std::string_view::npos;
  };
  const auto n = numbers_in(english);
  if (has("more people are unseen than seen"))
    return "목록이 추정 총계 " + nth(n, 1) + "명 중 " + nth(n, 0) + "명(" + nth(n, 2) +
           "%)을 기록했습니다: 보이지 않는 사람이 보이는 사람보다 많아, 추정은 보이지 않는 "
           "사람도 보이는 사람만큼 찾기 쉽다는 가정에 주로 기댑니다. 같은 사람들이 모든 단체에게 "
           "찾기 어렵다면 모든 추정이 낮고, 그 어려움을 많이 공유할수록 더 낮습니다(3분의 1에서 "
           "절반이 기록된 모의실험에서 공유하지 않으면 4-6%, 절반을 공유하면 19-23%, 모두 공유하면 "
           "33-35% 낮음, docs/estimation.md)";
  if (has("the selected model was") && has("linkages")) {
    // "log-linear: the selected model was [AB][C] in 5 of 10 linkages; ...":
    // the model's label may hold digits (list codes), so it is cut out first.
    const std::size_t from = english.find("was ") + 4, to = english.rfind(" in ");
    const std::string model(english.substr(from, to > from ? to - from : 0));
    const auto k = numbers_in(english.substr(to == std::string_view::npos ? 0 : to));
    return "로그선형: 선택된 모형은 연계 " + nth(k, 1) + "개 중 " + nth(k, 0) + "개에서 " + model +
           "였습니다. 모형 목록은 그중 한 연계의 것입니다";
  }
  if (has("estimable on") && has("linkages only")) {
    // "estimable on 7 of 10 linkages only; pooled over those (first reason: R)"
    const std::size_t open = english.find("(first reason: ");
    const std::string_view reason =
        open == std::string_view::npos ? std::string_view() : english.substr(open + 15);
    const std::string_view bare = reason.empty() ? reason : reason.substr(0, reason.size() - 1);
    const std::optional<std::string> why = bare.empty() ? std::nullopt : translate(bare);
    return "연계 " + nth(n, 1) + "개 중 " + nth(n, 0) +
           "개에서만 추정할 수 있어 그것들만 합쳤습니다" +
           (why ? " (첫 이유: " + *why + ")" : std::string());
  }
  if (has("width that comes from the linkage is not known"))
    return "구간 폭 중 연계에서 오는 몫을 알 수 없습니다: 연계마다의 실행이 사슬이 섞이기 전에 "
           "멈춰, 그 실행들 자체의 퍼짐이 연계의 몫을 가립니다";
  if (has("time cap") && has("per linkage"))
    return "연계 " + nth(n, 1) + "개가 시간 제한을 나눠 써(연계마다 " + nth(n, 0) +
           "초) 사슬이 섞이기 전에 멈췄습니다. --max-seconds를 늘리십시오";
  if (has("time cap")) return "사슬이 섞이기 전에 시간 제한(" + nth(n, 0) + "초)에 멈췄습니다";
  if (has("chains have not mixed"))
    return "분할 R-hat이 1.01을 넘습니다: 사슬이 섞이지 않았으니 더 오래 실행하십시오";
  if (has("effective sample size below"))
    return "유효 표본 크기가 " + nth(n, 0) + " 미만이라 구간이 부정확합니다";
  if (has("sampler's cap"))
    return "표본이 관측 인원의 21배 상한에 닿습니다: 자료가 미관측 인원에 대해 알려 주는 것이 "
           "적습니다";
  if (has("no hierarchical log-linear model"))
    return "어떤 로그선형 모형도 적합할 수 없습니다: 표가 너무 희소합니다";
  if (has("profile-likelihood fits did not converge"))
    return "일부 프로파일 우도 적합이 수렴하지 않았습니다";
  if (has("the fit did not converge")) return "적합이 수렴하지 않았습니다";
  if (has("maximum likelihood estimate does not exist"))
    return "최대우도 추정치가 존재하지 않습니다(빈 칸 때문): N은 믿을 수 없습니다";
  if (has("not finite")) return "N 또는 그 표준오차가 유한하지 않습니다";
  if (has("100 times the observed")) return "N이 관측 인원의 100배를 넘습니다: 모형이 불안정합니다";
  if (has("profile interval is open")) return "프로파일 구간의 상한이 3N 위로 열려 있습니다";
  if (has("capture patterns are empty"))
    return "포획 유형 " + nth(n, 1) + "개 중 " + nth(n, 0) +
           "개가 비어 있습니다: 표가 희소하여 상호작용을 추정하지 못할 수 있습니다";
  if (has("is empty in this stratum"))
    return "이 층에서 목록 " + nth(n, 0) + "이(가) 비어 있습니다";
  if (has("fewer than 20 people observed")) return "관측 인원이 20명 미만이라 구간이 넓습니다";
  if (has("people seen: too few"))
    return "관측 인원이 " + nth(n, 0) + "명 미만이라 목록 간 중복이 안정된 정보를 주지 못합니다";
  if (has("records without a name, a birth year or an origin were left out"))
    return "이름, 출생 연도, 출신지가 모두 있지 않은 기록 " + nth(n, 0) +
           "건은 제외했습니다: 연계가 스스로 추정한 재현율이 " +
           pipeline::identified_below_recall_text() +
           " 미만이라, 흔한 이름의 기록은 한 사람이 여럿으로 나뉘어 목록 하나에만 있는 사람처럼 "
           "보이기 때문입니다";
  if (has("records without a name were left out"))
    return "이름 없는 기록 " + nth(n, 0) +
           "건은 제외했습니다: 연계할 수 없어 한 목록에만 있는 사람처럼 보이기 때문입니다";
  if (has("were left out as lists"))
    return "기록이 " + nth(n, 0) +
           "건 미만인 출처는 목록으로 쓰지 않았습니다 (목록으로 지정하면 씁니다)";
  if (has("only one list"))
    return "목록이 하나뿐입니다: 추정에는 중복을 잴 수 있는 목록이 둘 이상 필요합니다";
  if (has("lists do not overlap"))
    return "목록이 겹치지 않습니다: 둘 이상의 목록에 있는 사람이 없어 추정할 수 없습니다";
  if (has("all counts are zero")) return "관측된 사람이 없습니다";
  if (has("blank") && has("no population of their own"))
    return "기록의 층 값이 비어 있습니다: 따로 된 모집단이 아니므로 따로 추정하지 않습니다";
  if (has("not understood") && has("no population of their own"))
    return "기록의 층 값을 알아볼 수 없습니다: 따로 된 모집단이 아니므로 따로 추정하지 않습니다";
  if (has("dga: not run")) return "dga는 목록이 3~5개일 때만 실행됩니다";
  if (has("heavy tail")) return "dga: 사후분포의 꼬리가 격자에 잘려 상한이 너무 낮습니다";
  if (has("largely the prior"))
    return "dga: 추정이 대부분 자료가 아닌 사전분포에서 옵니다. 쓰지 마십시오";
  return std::nullopt;
}

// The Korean of the method's prefix of ENGLISH ("lcmcr: ", "dga: "), or "".
std::string korean_prefix(std::string_view english) {
  if (english.substr(0, 7) == "lcmcr: ") return "LCMCR: ";
  if (english.substr(0, 5) == "dga: " && english.find("dga: ", 1) == std::string_view::npos)
    return "dga: ";
  return "";
}

}  // namespace

std::optional<std::string> known_korean_warning(std::string_view english) {
  std::optional<std::string> ko = translate(english);
  if (ko && ko->rfind("dga: ", 0) != 0) *ko = korean_prefix(english) + *ko;
  return ko;
}

std::string korean_warning(std::string_view english) {
  if (auto ko = known_korean_warning(english)) return *ko;
  return korean_prefix(english) + "이 경고는 영어로만 제공됩니다(위 원문 참조)";
}

bool has_korean_warning(std::string_view english) { return translate(english).has_value(); }

}  // namespace uncounted::report
