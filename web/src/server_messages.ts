// The server answers errors in English ({"error": "wrong user name or
// password"}); the interface shows them in its own language. Each entry is
// the server's message as the C++ sources write it, with {} where a value
// goes (a field, a number), and its Korean, with {0}, {1}, ... for those
// values in order (a value may be left out). A message the table does not
// know is shown as the server wrote it, never hidden.
// tests/i18n-coverage.test.mjs reads the messages out of src/ and fails on
// one missing here.

import { currentLang, roleName } from './i18n';

const korean: Record<string, string> = {
  // Requests (server/api_router.cpp, request_context.cpp).
  'log in first': '먼저 로그인하세요',
  'your session has ended (the account was changed); log in again': '계정이 바뀌어 세션이 끝났습니다. 다시 로그인하세요',
  'your role ({}) may not do this': '이 역할({0})로는 할 수 없는 작업입니다',
  'cross-origin request refused': '다른 사이트에서 온 요청은 거부됩니다',
  'missing or wrong CSRF token (X-CSRF-Token)': 'CSRF 토큰(X-CSRF-Token)이 없거나 틀립니다. 페이지를 새로 고치세요',
  'a query parameter is not valid UTF-8': '요청 변수가 올바른 UTF-8이 아닙니다',
  'the body must be JSON (Content-Type: application/json)': '요청 본문은 JSON이어야 합니다 (Content-Type: application/json)',
  'the body is not valid UTF-8': '요청 본문이 올바른 UTF-8이 아닙니다',
  'the body is nested more than {} levels deep': '요청 본문이 {0}단계보다 깊게 중첩되어 있습니다',
  'the body is not valid JSON (at byte {})': '요청 본문이 올바른 JSON이 아닙니다 ({0}번째 바이트)',
  'the body must be a JSON object': '요청 본문은 JSON 객체여야 합니다',
  'this server answers only requests addressed to it on loopback': '이 서버는 루프백 주소로 온 요청에만 답합니다',
  'method not allowed on this path': '이 경로에서는 허용되지 않는 요청 방식입니다',
  'no such API endpoint': '그런 API 경로가 없습니다',
  'a field has the wrong type or is missing': '항목의 형식이 틀리거나 항목이 빠졌습니다',
  'internal error': '서버 내부 오류',
  'invalid path': '잘못된 경로',
  'the front end is not built (run make build)': '웹 화면이 빌드되지 않았습니다 (make build 실행)',
  "the parameter '{}' is too long": "요청 변수 '{0}'이(가) 너무 깁니다",
  "the parameter '{}' must be a whole number from {} to {}": "요청 변수 '{0}'은(는) {1}에서 {2} 사이의 정수여야 합니다",
  "'{}' must be a string": "'{0}'은(는) 문자열이어야 합니다",
  "'{}' is empty or too long": "'{0}'이(가) 비었거나 너무 깁니다",
  "'{}' must be a short array of strings": "'{0}'은(는) 짧은 문자열 배열이어야 합니다",
  "'{}' has an unknown value": "'{0}'에 알 수 없는 값이 있습니다",
  "'{}' must be a whole number from {} to {}": "'{0}'은(는) {1}에서 {2} 사이의 정수여야 합니다",
  "'{}' must be true or false": "'{0}'은(는) true 또는 false여야 합니다",
  "'{}' must be a positive integer record id": "'{0}'은(는) 양의 정수인 기록 ID여야 합니다",
  // Accounts (server/account_endpoints.cpp, store/user_table.cpp, model/passphrase_policy.cpp).
  'wrong user name or password': '사용자 이름이나 비밀번호가 틀립니다',
  'this account is disabled': '사용 중지된 계정입니다',
  'this account needs the code from its authenticator app': '이 계정은 인증 앱의 코드가 필요합니다',
  'wrong or used code': '코드가 틀렸거나 이미 쓰였습니다',
  'too many failed logins; try again in {} s': '로그인 실패가 너무 많습니다. {0}초 뒤에 다시 시도하세요',
  "'role' must be administrator, documenter, analyst or reviewer": '역할은 관리자, 기록 담당, 분석 담당, 검토 담당 중 하나여야 합니다',
  'a user name is 1 to 64 of A-Z a-z 0-9 . _ -': '사용자 이름은 A-Z a-z 0-9 . _ - 로 1~64자입니다',
  'that user already exists': '이미 있는 사용자입니다',
  'no such user': '그런 사용자가 없습니다',
  'a user has an unknown role': '알 수 없는 역할의 사용자가 있습니다',
  'you cannot disable your own account': '자기 계정은 사용 중지할 수 없습니다',
  'you cannot delete your own account': '자기 계정은 삭제할 수 없습니다',
  'that is the last enabled administrator; add or enable another first': '사용 중인 마지막 관리자입니다. 먼저 다른 관리자를 추가하거나 다시 사용하게 하세요',
  'that user has an unsaved testimony draft; disable the account instead, or have the draft saved first':
    '이 사용자에게 저장되지 않은 증언 초안이 있습니다. 계정을 사용 중지하거나, 먼저 초안을 저장하게 하세요',
  'the current password is wrong': '현재 비밀번호가 틀립니다',
  'the password is too long': '비밀번호가 너무 깁니다',
  'the password is too short ({} characters){}': '비밀번호가 너무 짧습니다 ({0}자). 10자 이상, 되도록 무작위 단어 세 개 이상을 쓰세요',
  'the password is too easy to guess (about {} bits, 40 needed){}': '비밀번호를 추측하기 너무 쉽습니다 (약 {0}비트, 40비트 필요). 10자 이상, 되도록 무작위 단어 세 개 이상을 쓰세요',
  'the passphrase is empty': '암호문이 비어 있습니다',
  'the passphrase is too short ({} characters){}': '암호문이 너무 짧습니다 ({0}자). 12자 이상, 되도록 무작위 단어 네 개 이상을 쓰고 안전한 곳에 보관하세요: 암호문 없이는 아무도 저장소를 복구할 수 없습니다',
  'the passphrase is too easy to guess (about {} bits, 60 needed){}': '암호문을 추측하기 너무 쉽습니다 (약 {0}비트, 60비트 필요). 12자 이상, 되도록 무작위 단어 네 개 이상을 쓰고 안전한 곳에 보관하세요: 암호문 없이는 아무도 저장소를 복구할 수 없습니다',
  'out of memory while hashing the password': '비밀번호를 해시하는 중 메모리가 부족합니다',
  'cannot compute the one-time code': '일회용 코드를 계산할 수 없습니다',
  'cannot initialize libsodium': 'libsodium을 초기화할 수 없습니다',
  'cannot initialise libsodium': 'libsodium을 초기화할 수 없습니다',
  // Testimonies and drafts (server/testimony_*.cpp, io/testimony.cpp, io/record_list.cpp).
  "'draft' is missing": "'draft'가 없습니다",
  'the draft is too large': '초안이 너무 큽니다',
  'no such testimony': '그런 증언이 없습니다',
  'a testimony with this source and testimony_id exists; edit it instead': '같은 출처와 증언 ID의 증언이 이미 있습니다. 그 증언을 고치세요',
  'source and testimony_id of a testimony cannot change': '증언의 출처와 증언 ID는 바꿀 수 없습니다',
  'a record of this testimony has the (source, record_id) of a record from a list or another testimony; nothing was saved':
    '이 증언의 기록 하나가 목록이나 다른 증언의 기록과 (출처, 기록 ID)가 같습니다. 아무것도 저장하지 않았습니다',
  "a record_id belongs to another testimony's record": '기록 ID가 다른 증언의 기록에 이미 쓰였습니다',
  'nested more than {} levels deep': '{0}단계보다 깊게 중첩되어 있습니다',
  'not valid JSON': '올바른 JSON이 아닙니다',
  'a testimony must be a JSON object': '증언은 JSON 객체여야 합니다',
  'consent.given (true or false) is required': '동의 여부(consent.given)가 필요합니다',
  'consent.given is false: the testimony may not be stored': '증언자가 동의하지 않았으므로 증언을 저장할 수 없습니다. "증언자가 기록에 동의함"을 확인하세요',
  'people must be an array': 'people은 배열이어야 합니다',
  'people[{}] must be an object': 'people[{0}]은 객체여야 합니다',
  'events must be a non-empty array': '사건이 하나 이상 있어야 합니다',
  'events[{}] must be an object': 'events[{0}]은 객체여야 합니다',
  '{} must be a string': '{0}: 문자열이어야 합니다',
  '{} is longer than 1 MiB': '{0}: 1 MiB보다 깁니다',
  '{} is required': '{0}: 필수 항목입니다',
  '{} must be an object': '{0}: 객체여야 합니다',
  '{}sex must be M, F, male, female, 남 or 여': '{0}sex: 성별은 남, 여(M, F) 중 하나여야 합니다',
  'sex must be M, F, male, female, 남 or 여': '성별은 남, 여(M, F) 중 하나여야 합니다',
  "{}ref repeats another person's ref": '{0}ref: 다른 인물과 참조가 같습니다',
  "{}ref repeats another event's ref": '{0}ref: 다른 사건과 참조가 같습니다',
  '{}participants must be an array': '{0}participants: 배열이어야 합니다',
  '{}role must be victim, perpetrator or witness': '{0}role: 역할은 피해자, 가해자, 목격자 중 하나여야 합니다',
  '{}knowledge must be direct or hearsay': '{0}knowledge: 직접 목격 또는 전해 들음이어야 합니다',
  '{}person names no entry of people': '{0}person: 인물 목록에 없는 인물입니다',
  'source is blank': '출처(기관 코드)가 비어 있습니다',
  'source is longer than 64 characters': '출처(기관 코드)가 64자보다 깁니다',
  'source may contain only A-Z a-z 0-9 _ -': '출처(기관 코드)에는 영문자 A-Z a-z, 숫자 0-9, _ 와 - 만 쓸 수 있습니다 (예: NKDB)',
  'record_id is blank': '기록 ID가 비어 있습니다',
  'record_id is longer than 256 bytes': '기록 ID가 256바이트보다 깁니다',
  'record_id contains a control character': '기록 ID에 제어 문자가 있습니다',
  'event is blank': '사건 종류가 비어 있습니다',
  'unknown event code (see the event taxonomy)': '알 수 없는 사건 종류 코드입니다 (사건 분류 참조)',
  // Dates (dates/fuzzy_date_parser.cpp).
  'empty date': '날짜가 비어 있습니다',
  'date is not valid UTF-8': '날짜가 올바른 UTF-8이 아닙니다',
  'date is too long (over 200 bytes)': '날짜가 너무 깁니다 (200바이트 초과)',
  'date has a year outside 1900..2100': '날짜의 연도가 1900~2100 밖입니다',
  'date has a month outside 1..12': '날짜의 월이 1~12 밖입니다',
  'date has a day that its month does not have': '그 달에 없는 날짜입니다',
  "date's Juche year and Gregorian year disagree": '주체 연호와 서기 연도가 맞지 않습니다',
  'date range ends before it starts': '기간의 끝이 시작보다 앞섭니다',
  'open-ended date lies outside 1900..2100': '한쪽이 열린 기간이 1900~2100 밖입니다',
  'there is no Juche year 0 (Juche 1 is 1912)': '주체 0년은 없습니다 (주체 1년이 1912년)',
  'not a recognized date (e.g. 2009-03-14, March 2009, spring 2009, 2009/2010, 1990s, c. 2005, 2009년 3월, Juche 98)':
    '알아볼 수 없는 날짜입니다 (예: 2009-03-14, 2009년 3월, 2009년 봄, 2009/2010, 1990년대, 2005년경, 주체 98)',
  // One-time codes (server/account_endpoints.cpp, api_router.cpp).
  'no one-time-code secret was offered; start the set-up again': '제시된 일회용 코드 키가 없습니다. 설정을 처음부터 다시 하세요',
  "wrong code: check the app's clock and the key typed in": '코드가 틀립니다. 앱의 시계와 입력한 키를 확인하세요',
  'an administrator must set up one-time codes before anything else': '관리자는 다른 일보다 먼저 일회용 코드를 설정해야 합니다',
  // Review, linkage and estimates (server/review_endpoints.cpp, estimate_endpoints.cpp, pipeline/).
  'no such estimate': '그런 추정은 없습니다',
  'two estimates are already running; wait for one or cancel it': '추정 두 개가 이미 실행 중입니다. 하나가 끝나기를 기다리거나 취소하세요',
  "'decision' must be match, non_match or unsure": '결정은 같은 사람, 다른 사람, 불확실 중 하나여야 합니다',
  'a decision is match, non_match or unsure': '결정은 같은 사람, 다른 사람, 불확실 중 하나여야 합니다',
  'this pair was already decided ({} by {}); undo or replace that decision': '이 쌍은 이미 {1}님이 결정했습니다 ({0}). 그 결정을 되돌리거나 바꾸세요',
  'this pair has no decision to undo': '이 쌍에는 되돌릴 결정이 없습니다',
  'a pair needs two different records': '쌍에는 서로 다른 기록 두 건이 필요합니다',
  'a record cannot be compared with itself': '기록을 자기 자신과 비교할 수 없습니다',
  'a linkage is already running; its result will be there shortly': '연계가 이미 실행 중입니다. 곧 결과가 나옵니다',
  "'q' is empty": '검색어가 비어 있습니다',
  'the search is empty': '검색어가 비어 있습니다',
  'no such record': '그런 기록이 없습니다',
  'a linkage threshold is between 0 and 1': '연계 임계값은 0과 1 사이입니다',
  "no linked persons in the store: run 'uncounted link' first": "저장소에 연계된 인물이 없습니다. 먼저 연계를 실행하세요 ('uncounted link')",
  "the store has no linkage yet: run 'uncounted link' first": "저장소에 아직 연계 결과가 없습니다. 먼저 연계를 실행하세요 ('uncounted link')",
  'no linked record has the truth column {}': '연계된 기록 중 정답 열 {0}이(가) 있는 기록이 없습니다',
  'no linked record matches the chosen events and lists': '고른 사건과 출처에 맞는 연계된 기록이 없습니다',
  'the number of linkages to pool must be from 1 to {}': '합칠 연계의 수는 1에서 {0} 사이여야 합니다',
  'the store changed while it was read; estimate again': '읽는 동안 저장소가 바뀌었습니다. 다시 추정하세요',
  'the store has {} sources; estimation takes at most 8 lists (choose with --lists)': '저장소에 출처가 {0}개 있습니다. 추정에는 최대 8개 목록을 씁니다 (--lists로 고르세요)',
  'the store holds no record: import lists first': '저장소에 기록이 없습니다. 먼저 목록을 가져오세요',
  'the store kept changing while linkage computed ({} tries); run it again when writes pause': '연계를 계산하는 동안 저장소가 계속 바뀌었습니다 ({0}회 시도). 쓰기가 멈춘 뒤 다시 실행하세요',
  "unknown stratum column '{}' (event_place, year, sex, event)": "알 수 없는 층 기준 '{0}' (사건 장소, 연도, 성별, 사건 종류)",
  // Estimates (estimate/): reasons an estimate cannot be made.
  'only one list: an estimate needs at least two lists whose overlap can be measured': '목록이 하나뿐입니다. 추정에는 중복을 잴 수 있는 목록이 둘 이상 필요합니다',
  'the lists do not overlap: nobody is on more than one list, so the overlap gives no information about the people on none':
    '목록이 겹치지 않습니다. 두 목록 이상에 오른 사람이 없어, 어느 목록에도 없는 사람에 대해 알 수 없습니다',
  'all counts are zero: nobody was observed': '모든 수가 0입니다. 기록된 사람이 없습니다',
  'no estimate is possible: {}': '추정할 수 없습니다: {0}',
  'no estimate is possible in any stratum; first stratum: {}': '어느 층에서도 추정할 수 없습니다. 첫 층: {0}',
  'method must be loglinear, lcmcr, dga or all': '방법은 로그선형 모형, LCMCR, dga, 모두 중 하나여야 합니다',
  // The audit log (store/audit_log.cpp, audit_head.cpp).
  'entries are missing before this one': '이 항목 앞의 항목들이 없어졌습니다',
  'sequence out of order': '순서가 뒤섞였습니다',
  'does not link to the entry before it': '앞 항목과 연결되지 않습니다',
  'its content does not match its hash': '내용이 해시와 맞지 않습니다',
  'the audit head ({}) was altered or is unreadable': '감사 기록의 머리({0})가 바뀌었거나 읽을 수 없습니다',
  'the audit head ({}) is missing: entries may have been removed from the end': '감사 기록의 머리({0})가 없습니다. 끝의 항목들이 지워졌을 수 있습니다',
  'the log ends at entry {} but its head recorded entry {}: entries were removed from the end': '기록은 {0}번 항목에서 끝나지만 머리에는 {1}번 항목이 적혀 있습니다. 끝의 항목들이 지워졌습니다',
  'entry {} is not the one the head recorded: the log was rewritten': '{0}번 항목이 머리에 적힌 항목이 아닙니다. 기록이 다시 쓰였습니다',
  'entries after {} were not written by uncounted (its head does not name them)': '{0}번 뒤의 항목들은 uncounted가 쓰지 않았습니다 (머리에 없음)',
  "{}; nothing is written until 'uncounted audit verify' is clean": "{0}. 'uncounted audit verify'가 깨끗해질 때까지 아무것도 쓰지 않습니다",
  'not an audit head': '감사 기록의 머리가 아닙니다',
  'the audit head is unreadable': '감사 기록의 머리를 읽을 수 없습니다',
  'the audit head was altered': '감사 기록의 머리가 바뀌었습니다',
  'the store has no audit secret': '저장소에 감사 비밀값이 없습니다',
  "the store's audit secret is damaged": '저장소의 감사 비밀값이 손상되었습니다',
  // The store (store/).
  'a store already exists here': '여기에 이미 저장소가 있습니다',
  "no store here (create one with 'uncounted init')": "여기에 저장소가 없습니다 ('uncounted init'으로 만드세요)",
  "permission denied (the store's files must be readable and writable by you)": '권한이 없습니다 (저장소 파일을 읽고 쓸 수 있어야 합니다)',
  'cannot open the store': '저장소를 열 수 없습니다',
  'the store is damaged or is not an uncounted store': '저장소가 손상되었거나 uncounted 저장소가 아닙니다',
  'the store is in use by another process': '다른 프로세스가 저장소를 쓰고 있습니다',
  'disk full': '디스크가 가득 찼습니다',
  'cannot write or open the store: {}': '저장소를 쓰거나 열 수 없습니다: {0}',
  'store error: {}': '저장소 오류: {0}',
  'the store was written by a newer version of uncounted (schema {})': '더 새 버전의 uncounted가 쓴 저장소입니다 (스키마 {0})',
  'the store has no id': '저장소에 ID가 없습니다',
  'the store has no pseudonym secret': '저장소에 가명 비밀값이 없습니다',
  "the store's pseudonym secret is damaged": '저장소의 가명 비밀값이 손상되었습니다',
  'wrong passphrase': '암호문이 틀립니다',
  'key derivation ran out of memory': '키를 만드는 중 메모리가 부족합니다',
  'not an uncounted key file': 'uncounted 키 파일이 아닙니다',
  "the store's key file is missing (it must stay beside the store)": '저장소의 키 파일이 없습니다 (저장소 옆에 있어야 합니다)',
  "the store's key file is damaged": '저장소의 키 파일이 손상되었습니다',
  "the store's key file is damaged or was altered (its checksum fails)": '저장소의 키 파일이 손상되었거나 바뀌었습니다 (체크섬 불일치)',
  "the store's key file has impossible limits": '저장소의 키 파일에 불가능한 한도가 적혀 있습니다',
  "cannot write the store's key file": '저장소의 키 파일을 쓸 수 없습니다',
  'cannot write the export': '내보내기 파일을 쓸 수 없습니다',
  'no file to import': '가져올 파일이 없습니다',
  'no such file': '그런 파일이 없습니다',
  '--skip-invalid needs --rejects FILE': '--skip-invalid에는 --rejects FILE이 필요합니다',
  '{} needs a file name': '{0}에는 파일 이름이 필요합니다',
  '{} names the store or one of its files; nothing was written': '{0}은(는) 저장소나 그 파일입니다. 아무것도 쓰지 않았습니다',
  '{} names a folder': '{0}은(는) 폴더입니다',
  '{} names a file that exists; nothing was written (--force replaces it)': '{0}은(는) 이미 있는 파일입니다. 아무것도 쓰지 않았습니다 (--force로 바꿔 씁니다)',
  // Files and lists (io/).
  'cannot open the file': '파일을 열 수 없습니다',
  'cannot read the file': '파일을 읽을 수 없습니다',
  'cannot write the file': '파일을 쓸 수 없습니다',
  'cannot put the file in place': '파일을 제자리에 놓을 수 없습니다',
  'writing the file failed': '파일 쓰기에 실패했습니다',
  'is a directory': '폴더입니다',
  'empty file: no header row': '빈 파일입니다: 머리글 행이 없습니다',
  'empty column name in the header': '머리글에 이름 없는 열이 있습니다',
  "column '{}' appears twice in the header": "열 '{0}'이(가) 머리글에 두 번 나옵니다",
  'row has {} fields, the header has {}': '행의 칸이 {0}개인데 머리글은 {1}개입니다',
  'field longer than {} MiB': '칸이 {0} MiB보다 깁니다',
  'column {} is longer than 1 MiB': '열 {0}이(가) 1 MiB보다 깁니다',
  'missing required column(s): {}': '필수 열이 없습니다: {0}',
  'column {} looks like the list column {}, which is missing; rename it to {} (an unknown column is kept as extra data, not read as {})':
    '열 {0}은(는) 없는 목록 열 {1}처럼 보입니다. 이름을 {2}(으)로 바꾸세요 (모르는 열은 추가 자료로만 보관되고 {3}(으)로 읽히지 않습니다)',
  'invalid UTF-8': '올바른 UTF-8이 아닙니다',
  'invalid UTF-8 (save the file as UTF-8)': '올바른 UTF-8이 아닙니다 (파일을 UTF-8로 저장하세요)',
  'the file is not UTF-8: it looks like Korean in the Windows encoding (CP949/EUC-KR); save it as "CSV UTF-8" or convert it with: iconv -f CP949 -t UTF-8 FILE > NEW':
    '파일이 UTF-8이 아닙니다. 윈도의 한국어 인코딩(CP949/EUC-KR)으로 보입니다. "CSV UTF-8"로 저장하거나 다음으로 변환하세요: iconv -f CP949 -t UTF-8 FILE > NEW',
  'unterminated quoted field': '따옴표로 연 칸이 닫히지 않았습니다',
  'unexpected character after a quoted field': '따옴표로 묶은 칸 뒤에 뜻밖의 문자가 있습니다',
  'quote inside an unquoted field': '따옴표로 묶지 않은 칸 안에 따옴표가 있습니다',
  // Serving (server/server.cpp): the command line's, listed for completeness.
  'expected [ADDRESS]:PORT': '[주소]:포트 형식이어야 합니다',
  'expected HOST:PORT': '호스트:포트 형식이어야 합니다',
  'expected HOST:PORT with a port from 0 to 65535': '포트가 0~65535인 호스트:포트 형식이어야 합니다',
  'TLS needs both --tls-cert and --tls-key': 'TLS에는 --tls-cert와 --tls-key가 모두 필요합니다',
  'listening on an address other than loopback needs TLS (--tls-cert, --tls-key)': '루프백이 아닌 주소에서 들으려면 TLS가 필요합니다 (--tls-cert, --tls-key)',
  'cannot load the TLS certificate or key': 'TLS 인증서나 키를 읽을 수 없습니다',
  'cannot listen there (address in use or not available)': '그 주소에서 들을 수 없습니다 (이미 쓰이거나 쓸 수 없는 주소)',
  'send the body with a Content-Length, not chunked': '본문은 chunked가 아니라 Content-Length와 함께 보내세요',
};

// Where a library error happened, as the server appends it ("... (testimony)").
const koreanWhere: Record<string, string> = { testimony: '증언', password: '비밀번호', init: '저장소 만들기', search: '검색' };

interface Pattern { parts: string[]; regex: RegExp; ko: string }
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longer fixed text first: "{}sex must be ..." before "{} must be a string".
const patterns: Pattern[] = Object.entries(korean)
  .filter(([en]) => en.includes('{}'))
  .map(([en, ko]) => ({ parts: en.split('{}'), regex: new RegExp('^' + en.split('{}').map(escape).join('([\\s\\S]*?)') + '$'), ko }))
  .sort((a, b) => b.parts.join('').length - a.parts.join('').length);

// A value inside a message, in Korean where it is itself a message, a
// review decision or a role.
const decisions: Record<string, string> = { match: '같은 사람', non_match: '다른 사람', unsure: '불확실' };
const koreanValue = (value: string) => koreanMessage(value) ?? decisions[value] ?? roleName(value);

// MESSAGE in Korean, or null when the table does not know it.
export function koreanMessage(message: string): string | null {
  if (Object.prototype.hasOwnProperty.call(korean, message)) return korean[message];
  for (const p of patterns) {
    const m = p.regex.exec(message);
    if (m) return p.ko.replace(/\{(\d+)\}/g, (_, i) => koreanValue(m[Number(i) + 1] ?? ''));
  }
  // "WHAT (WHERE)": the server's one-line form of a library error.
  const where = /^([\s\S]+) \(([^()]*)\)$/.exec(message);
  if (where) {
    const what = koreanMessage(where[1]);
    if (what !== null) return `${what} (${koreanWhere[where[2]] ?? where[2]})`;
  }
  // "FIELD: WHAT" ("birth_year: empty date", "testimony_id: record_id is blank").
  const field = /^([\w.[\]]+): ([\s\S]+)$/.exec(message);
  if (field) {
    const what = koreanMessage(field[2]);
    if (what !== null) return `${field[1]}: ${what}`;
  }
  return null;
}

// A server's error message in the interface's language.
export function serverMessage(message: string): string {
  return currentLang() === 'ko' ? koreanMessage(message) ?? message : message;
}

// Every English message the table knows (for the coverage test).
export const knownServerMessages = () => Object.keys(korean);
