// Korean first, English on request. Every string the interface shows is
// here, under one key, in both languages.

export type Lang = 'ko' | 'en';

const ko = {
  app: '증언 기록과 추정',
  login: '로그인', logout: '로그아웃', user: '사용자 이름', password: '비밀번호',
  loginFailed: '로그인 실패', switchLang: 'English',
  navTestimony: '증언 입력', navSearch: '검색', navReview: '연계 검토', navEstimates: '추정',
  navMap: '지도', navUsers: '사용자', navRecords: '가명 자료',
  source: '출처 (기관 코드)', kind: '종류', interviewDate: '면담 날짜', language: '언어',
  consent: '동의', consentGiven: '증언자가 기록에 동의함', scope: '동의 범위',
  scopeDocumentation: '기록', scopePublication: '공개', scopeAnon: '익명 통계',
  kindInterview: '면담', kindWritten: '서면 진술', kindDocument: '문서', kindOther: '기타',
  people: '인물', person: '인물', addPerson: '인물 추가', name: '이름 (한글 또는 로마자)',
  sex: '성별', sexUnknown: '모름', sexM: '남', sexF: '여', birthYear: '출생 연도', origin: '출신지',
  events: '사건', addEvent: '사건 추가', event: '사건 종류', eventDate: '날짜', eventPlace: '장소',
  participants: '관련 인물', roleVictim: '피해자', roleWitness: '목격자', rolePerpetrator: '가해자',
  roleNone: '해당 없음', notes: '메모', narrative: '진술 내용', remove: '삭제',
  save: '증언 저장', saved: '저장됨', draftSaved: '초안 저장됨', draftRestored: '저장된 초안을 불러왔습니다',
  discardDraft: '초안 버리기', understood: '해석', notUnderstood: '날짜를 해석할 수 없음',
  readings: '읽기', noPlace: '지명 사전에 없음', testimonySaved: '증언이 저장되었습니다',
  records: '기록', recentTestimonies: '최근 증언',
  search: '검색', searchHint: '이름을 어떤 표기로든 입력 (한글, 로마자)', results: '결과',
  noResults: '결과 없음', score: '유사도', recordId: '기록 ID', personPage: '인물 보기',
  entity: '인물 ID', notLinked: '연계 안 됨',
  personTitle: '인물', linkedRecords: '연계된 기록', explanation: '일치 설명', matchWeight: '일치 가중치',
  probability: '확률', term: '항목', level: '수준', bits: '비트', total: '누계',
  reviewTitle: '연계 검토', match: '같은 사람 (M)', nonMatch: '다른 사람 (N)', unsure: '불확실 (U)',
  queueEmpty: '검토할 쌍이 없습니다', runLink: '연계 실행', linkDone: '연계 완료', linkSummary: '기록 {records}건 → 사람 {entities}명, 검토 대기 {review}쌍', decided: '결정 저장됨',
  recordA: '기록 A', recordB: '기록 B', shortcuts: '단축키: M 같은 사람, N 다른 사람, U 불확실',
  estimatesTitle: '추정', strata: '층', none: '없음', method: '방법', methodAll: '모두', methodLoglinear: '로그선형 모형', methodLcmcr: '잠재 계층 모형 (LCMCR)', methodDga: '그래프 모형 평균 (dga)',
  run: '실행', running: '계산 중…', stratum: '층', stratumAll: '전체', observed: '기록된 수', estimate: '추정치',
  interval: '구간', fromLinkage: '연계에서 온 폭', sensitivityTitle: '연계 임계값에 따른 추정치',
  sensitivityCaption: '층별로 연계 임계값(0.2 넓게 ~ 0.95 가장 확실한 쌍만)에 따른 방법별 추정치(선)와 95% 구간(띠).',
  sensitivityAgree: '모든 층에서 모든 임계값과 방법의 구간이 서로 겹칩니다.',
  sensitivityPending: '연계 임계값에 따른 추정치를 계산하는 중…', overlap: '출처 간 중복', lists: '출처', count: '인원', chartCaption:
    '층별 기록된 수(검은 막대)와 방법별 추정치(점)와 95% 구간(선). 층마다 축척이 다릅니다.',
  mapTitle: '장소와 시설 지도', facilities: '구금 시설', approximateSite: '정확한 위치 미상: 소재 군·시에 표시', areas: '행정 구역', placeName: '이름',
  placeKind: '종류',
  usersTitle: '사용자 관리', addUser: '사용자 추가', role: '역할',
  oneTimeCode: '인증 앱의 6자리 코드', oneTimeCodeNeeded: '이 계정은 인증 앱의 코드가 필요합니다',
  twoFactor: '2단계 인증', twoFactorOn: '인증 앱', twoFactorOff: '없음 (uncounted user totp 이름)',
  notForYourRole: '이 역할로는 열 수 없는 화면입니다. 허용된 첫 화면을 보여 드립니다.',
  navAccount: '내 계정', navAudit: '감사 기록', accountTitle: '내 계정: 비밀번호 변경',
  currentPassword: '현재 비밀번호', newPassword: '새 비밀번호', newPasswordAgain: '새 비밀번호 확인',
  changePassword: '비밀번호 변경', passwordChanged: '비밀번호가 바뀌었습니다. 새 비밀번호로 다시 로그인하세요.',
  passwordsDiffer: '새 비밀번호 두 개가 다릅니다', passwordSet: '비밀번호 설정됨', setPassword: '비밀번호 설정',
  passwordRule: '비밀번호: 10자 이상, 서로 다른 문자 5개 이상. "password123" 같은 흔한 단어는 거부됩니다. 무작위 단어 세 개 이상을 권합니다.',
  accountState: '상태', accountActive: '사용 중', accountDisabled: '사용 중지됨', created: '만든 날',
  disable: '사용 중지', enable: '다시 사용', deleteUser: '계정 삭제', deleted: '삭제됨',
  confirmDelete: '이 계정을 삭제할까요? 감사 기록은 남습니다:', roleChanged: '역할 변경됨',
  roleAdministrator: '관리자', roleDocumenter: '기록 담당', roleAnalyst: '분석 담당', roleReviewer: '검토 담당',
  auditTitle: '감사 기록', auditAction: '작업', auditActor: '수행자', auditAt: '시각', auditDetails: '내용',
  auditIntact: '감사 기록의 연쇄와 머리가 온전합니다', auditBroken: '감사 기록이 손상되었습니다', filter: '거르기',
  pseudoTitle: '가명 처리된 기록',
  pseudoRule: '협력 기관 공개 규칙: 이름·자유 기술 없음, 출생 연도는 5년 구간, 날짜는 연도, 장소는 지명 사전의 이름. 출처·성별·출생·사건·연도·장소가 같은 기록이 5건 미만이면 단계적으로 일반화합니다.',
  error: '오류', required: '필수', welcome: '환영합니다',
};

const en: typeof ko = {
  app: 'Testimonies and estimates',
  login: 'Log in', logout: 'Log out', user: 'User name', password: 'Password',
  loginFailed: 'Login failed', switchLang: '한국어',
  navTestimony: 'New testimony', navSearch: 'Search', navReview: 'Review', navEstimates: 'Estimates',
  navMap: 'Map', navUsers: 'Users', navRecords: 'Pseudonymized data',
  source: 'Source (organization code)', kind: 'Kind', interviewDate: 'Interview date', language: 'Language',
  consent: 'Consent', consentGiven: 'The witness consents to documentation', scope: 'Scope',
  scopeDocumentation: 'Documentation', scopePublication: 'Publication', scopeAnon: 'Anonymous statistics',
  kindInterview: 'Interview', kindWritten: 'Written statement', kindDocument: 'Document', kindOther: 'Other',
  people: 'People', person: 'Person', addPerson: 'Add person', name: 'Name (Hangul or romanized)',
  sex: 'Sex', sexUnknown: 'Unknown', sexM: 'Male', sexF: 'Female', birthYear: 'Birth year', origin: 'Origin',
  events: 'Events', addEvent: 'Add event', event: 'Event type', eventDate: 'Date', eventPlace: 'Place',
  participants: 'Participants', roleVictim: 'Victim', roleWitness: 'Witness', rolePerpetrator: 'Perpetrator',
  roleNone: 'Not involved', notes: 'Notes', narrative: 'Narrative', remove: 'Remove',
  save: 'Save testimony', saved: 'Saved', draftSaved: 'Draft saved', draftRestored: 'Your saved draft was restored',
  discardDraft: 'Discard draft', understood: 'Understood as', notUnderstood: 'Date not understood',
  readings: 'Readings', noPlace: 'Not in the gazetteer', testimonySaved: 'Testimony saved',
  records: 'records', recentTestimonies: 'Recent testimonies',
  search: 'Search', searchHint: 'A name in any spelling (Hangul or romanized)', results: 'Results',
  noResults: 'No results', score: 'Similarity', recordId: 'Record id', personPage: 'Person',
  entity: 'Person id', notLinked: 'not linked',
  personTitle: 'Person', linkedRecords: 'Linked records', explanation: 'Match explanation', matchWeight: 'Match weight',
  probability: 'Probability', term: 'Term', level: 'Level', bits: 'Bits', total: 'Total',
  reviewTitle: 'Linkage review', match: 'Same person (M)', nonMatch: 'Not the same (N)', unsure: 'Unsure (U)',
  queueEmpty: 'No pair waits for review', runLink: 'Run linkage', linkDone: 'Linkage done', linkSummary: '{records} records → {entities} persons, {review} pairs to review', decided: 'Decision saved',
  recordA: 'Record A', recordB: 'Record B', shortcuts: 'Shortcuts: M same person, N not the same, U unsure',
  estimatesTitle: 'Estimates', strata: 'Strata', none: 'None', method: 'Method', methodAll: 'All', methodLoglinear: 'Log-linear model', methodLcmcr: 'Latent-class model (LCMCR)', methodDga: 'Graph model averaging (dga)',
  run: 'Run', running: 'Computing…', stratum: 'Stratum', stratumAll: 'All', observed: 'Documented', estimate: 'Estimate',
  interval: 'Interval', fromLinkage: 'Width from linkage', sensitivityTitle: 'Estimates against the linkage threshold',
  sensitivityCaption: 'Per stratum: each method’s estimate (line) and 95% interval (band) at linkage thresholds from 0.2 (generous) to 0.95 (only the surest pairs).',
  sensitivityAgree: 'In every stratum the intervals of all thresholds and methods overlap.',
  sensitivityPending: 'Computing the estimates at other linkage thresholds…', overlap: 'Overlap between sources', lists: 'Sources', count: 'People', chartCaption:
    'Per stratum: documented count (black bar), each method’s estimate (dot) and 95% interval (line). Each stratum has its own scale.',
  mapTitle: 'Map of places and facilities', facilities: 'Detention facilities', approximateSite: 'exact site not published: shown at its county', areas: 'Administrative areas',
  placeName: 'Name', placeKind: 'Kind',
  usersTitle: 'Users', addUser: 'Add user', role: 'Role',
  oneTimeCode: 'The 6-digit code of your authenticator app', oneTimeCodeNeeded: 'This account needs the code of its authenticator app',
  twoFactor: 'Two-factor', twoFactorOn: 'authenticator app', twoFactorOff: 'none (uncounted user totp NAME)',
  notForYourRole: 'Your role cannot open that page; here is the first one it can.',
  navAccount: 'My account', navAudit: 'Audit log', accountTitle: 'My account: change password',
  currentPassword: 'Current password', newPassword: 'New password', newPasswordAgain: 'New password again',
  changePassword: 'Change password', passwordChanged: 'Your password was changed. Log in again with the new one.',
  passwordsDiffer: 'The two new passwords differ', passwordSet: 'Password set', setPassword: 'Set password',
  passwordRule: 'Passwords: at least 10 characters, 5 of them different. Common words such as "password123" are refused; three or more random words are best.',
  accountState: 'State', accountActive: 'active', accountDisabled: 'disabled', created: 'Created',
  disable: 'Disable', enable: 'Enable', deleteUser: 'Delete account', deleted: 'Deleted',
  confirmDelete: 'Delete this account? Its audit entries stay:', roleChanged: 'Role changed',
  roleAdministrator: 'administrator', roleDocumenter: 'documenter', roleAnalyst: 'analyst', roleReviewer: 'reviewer',
  auditTitle: 'Audit log', auditAction: 'Action', auditActor: 'Actor', auditAt: 'Time', auditDetails: 'Details',
  auditIntact: 'The audit chain and its head are intact', auditBroken: 'The audit log is broken', filter: 'Filter',
  pseudoTitle: 'Pseudonymized records',
  pseudoRule: 'The partner rule: no names or free text, birth years in five-year bands, dates as years, places as the gazetteer names them. Rows whose source, sex, birth, event, year and place fewer than five rows share are generalized step by step.',
  error: 'Error', required: 'required', welcome: 'Welcome',
};

export type Key = keyof typeof ko;
const dictionaries: Record<Lang, typeof ko> = { ko, en };

let lang: Lang = (localStorage.getItem('uncounted.lang') as Lang) === 'en' ? 'en' : 'ko';
export const currentLang = () => lang;
export function setLang(l: Lang) {
  lang = l;
  // Only the interface language is kept in the browser: it names no one.
  localStorage.setItem('uncounted.lang', l);
  document.documentElement.lang = l;
}
export const t = (key: Key) => dictionaries[lang][key];

// A role as people read it, in the current language.
export function roleName(role: string): string {
  const keys: Record<string, Key> = {
    administrator: 'roleAdministrator', documenter: 'roleDocumenter',
    analyst: 'roleAnalyst', reviewer: 'roleReviewer',
  };
  return keys[role] ? t(keys[role]) : role;
}
