//! Small text helpers shared by the parser, the filter and the outline: folding for matching,
//! and matching a word at a position of a char slice.

/// Folds one char for matching: full-width ASCII forms to ASCII, ASCII letters to lower case,
/// the ideographic space to a space, a traditional char of [`simplified`]'s table to its
/// simplified form (a reader typing 亿元 finds 億元 on a page of a big5 gateway, and the other
/// way round). Only ASCII case is folded: Rust's Unicode case tables would
/// cost the widget about 10 KB, and the genre's Latin text is ASCII. One char maps to one char,
/// so an offset in folded text is the same offset in the original.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => simplified(c),
    };
    c.to_ascii_lowercase()
}

/// [`fold_char`] over a whole string.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Traditional forms of the chars the parser's rules key on (units, measure words, ordinals,
/// document numbers, header labels, headings, stance cues: every char of the word lists in
/// `parse/**`), each with its simplified form, sorted by the traditional char. www.gov.cn's big5
/// gateway and the pages of ministries for Hong Kong, Macao and Taiwan serve the same documents
/// in traditional script (`十三屆…四次會議`, `270億元`, `〔2016〕51號`, `發布日期`). Both chars of
/// a pair are CJK Unified Ideographs of the BMP (three bytes in UTF-8), so a text and its fold
/// have the same char and byte offsets.
///
/// Written as chars, shipped as 16-bit code units ([`narrow`]): half the bytes in the wasm.
#[rustfmt::skip]
const PAIRS: &[(char, char)] = &[
    ('並', '并'), ('佈', '布'), ('來', '来'), ('係', '系'), ('個', '个'), ('們', '们'), ('偉', '伟'), ('備', '备'),
    ('傢', '家'), ('傳', '传'), ('價', '价'), ('億', '亿'), ('償', '偿'), ('優', '优'), ('兌', '兑'), ('兒', '儿'),
    ('內', '内'), ('兩', '两'), ('冊', '册'), ('別', '别'), ('則', '则'), ('剋', '克'), ('創', '创'), ('劃', '划'),
    ('動', '动'), ('務', '务'), ('勵', '励'), ('匯', '汇'), ('區', '区'), ('參', '参'), ('員', '员'), ('問', '问'),
    ('啓', '启'), ('啟', '启'), ('單', '单'), ('噸', '吨'), ('噹', '当'), ('嚮', '向'), ('嚴', '严'), ('國', '国'),
    ('圍', '围'), ('園', '园'), ('執', '执'), ('堅', '坚'), ('報', '报'), ('場', '场'), ('塊', '块'), ('壓', '压'),
    ('奬', '奖'), ('學', '学'), ('實', '实'), ('將', '将'), ('專', '专'), ('對', '对'), ('導', '导'), ('屆', '届'),
    ('層', '层'), ('屬', '属'), ('峽', '峡'), ('崗', '岗'), ('師', '师'), ('帶', '带'), ('幫', '帮'), ('廢', '废'),
    ('廳', '厅'), ('張', '张'), ('強', '强'), ('彆', '别'), ('彙', '汇'), ('後', '后'), ('從', '从'), ('復', '复'),
    ('徵', '征'), ('態', '态'), ('應', '应'), ('戰', '战'), ('戶', '户'), ('掃', '扫'), ('掛', '挂'), ('搖', '摇'),
    ('撥', '拨'), ('擁', '拥'), ('擇', '择'), ('擊', '击'), ('據', '据'), ('擬', '拟'), ('擴', '扩'), ('攝', '摄'),
    ('敎', '教'), ('數', '数'), ('於', '于'), ('時', '时'), ('曆', '历'), ('書', '书'), ('會', '会'), ('條', '条'),
    ('棟', '栋'), ('業', '业'), ('極', '极'), ('構', '构'), ('標', '标'), ('機', '机'), ('橫', '横'), ('檔', '档'),
    ('檯', '台'), ('歡', '欢'), ('歲', '岁'), ('歷', '历'), ('決', '决'), ('況', '况'), ('減', '减'), ('準', '准'),
    ('滿', '满'), ('漢', '汉'), ('濟', '济'), ('瀏', '浏'), ('為', '为'), ('營', '营'), ('爭', '争'), ('爲', '为'),
    ('狀', '状'), ('獎', '奖'), ('獨', '独'), ('獲', '获'), ('現', '现'), ('環', '环'), ('產', '产'), ('産', '产'),
    ('畝', '亩'), ('當', '当'), ('發', '发'), ('盞', '盏'), ('眾', '众'), ('睏', '困'), ('瞭', '了'), ('確', '确'),
    ('礎', '础'), ('稅', '税'), ('種', '种'), ('稱', '称'), ('積', '积'), ('穩', '稳'), ('穫', '获'), ('筆', '笔'),
    ('節', '节'), ('範', '范'), ('簽', '签'), ('籤', '签'), ('糾', '纠'), ('紀', '纪'), ('約', '约'), ('納', '纳'),
    ('級', '级'), ('細', '细'), ('組', '组'), ('結', '结'), ('給', '给'), ('統', '统'), ('經', '经'), ('綜', '综'),
    ('綫', '线'), ('維', '维'), ('綱', '纲'), ('網', '网'), ('線', '线'), ('編', '编'), ('縣', '县'), ('縮', '缩'),
    ('縱', '纵'), ('總', '总'), ('織', '织'), ('繞', '绕'), ('繫', '系'), ('繼', '继'), ('續', '续'), ('纍', '累'),
    ('纔', '才'), ('義', '义'), ('聯', '联'), ('聲', '声'), ('職', '职'), ('臺', '台'), ('與', '与'), ('舉', '举'),
    ('萬', '万'), ('蓋', '盖'), ('藥', '药'), ('處', '处'), ('虛', '虚'), ('號', '号'), ('衆', '众'), ('術', '术'),
    ('衛', '卫'), ('衹', '只'), ('裏', '里'), ('補', '补'), ('裝', '装'), ('裡', '里'), ('製', '制'), ('複', '复'),
    ('見', '见'), ('規', '规'), ('視', '视'), ('覽', '览'), ('計', '计'), ('訊', '讯'), ('訓', '训'), ('記', '记'),
    ('訪', '访'), ('設', '设'), ('許', '许'), ('評', '评'), ('試', '试'), ('話', '话'), ('該', '该'), ('誌', '志'),
    ('認', '认'), ('說', '说'), ('説', '说'), ('課', '课'), ('調', '调'), ('談', '谈'), ('請', '请'), ('論', '论'),
    ('講', '讲'), ('謝', '谢'), ('識', '识'), ('議', '议'), ('護', '护'), ('讀', '读'), ('貧', '贫'), ('貫', '贯'),
    ('責', '责'), ('貳', '贰'), ('貸', '贷'), ('費', '费'), ('貼', '贴'), ('資', '资'), ('賬', '账'), ('贏', '赢'),
    ('車', '车'), ('較', '较'), ('輛', '辆'), ('輪', '轮'), ('輯', '辑'), ('轉', '转'), ('辦', '办'), ('農', '农'),
    ('迴', '回'), ('這', '这'), ('連', '连'), ('週', '周'), ('進', '进'), ('遊', '游'), ('運', '运'), ('過', '过'),
    ('達', '达'), ('選', '选'), ('還', '还'), ('邊', '边'), ('醫', '医'), ('釋', '释'), ('針', '针'), ('鈕', '钮'),
    ('錄', '录'), ('錢', '钱'), ('錯', '错'), ('錶', '表'), ('鍾', '钟'), ('鐘', '钟'), ('長', '长'), ('門', '门'),
    ('閉', '闭'), ('開', '开'), ('間', '间'), ('閤', '合'), ('閱', '阅'), ('關', '关'), ('陸', '陆'), ('隊', '队'),
    ('階', '阶'), ('隨', '随'), ('隻', '只'), ('雙', '双'), ('電', '电'), ('韆', '千'), ('頁', '页'), ('頂', '顶'),
    ('頃', '顷'), ('項', '项'), ('須', '须'), ('預', '预'), ('領', '领'), ('頭', '头'), ('題', '题'), ('額', '额'),
    ('類', '类'), ('顯', '显'), ('颱', '台'), ('餘', '余'), ('駐', '驻'), ('體', '体'), ('髮', '发'), ('鬚', '须'),
    ('麵', '面'), ('點', '点'), ('黨', '党'), ('鼕', '冬'), ('齣', '出'),
];

/// [`PAIRS`] as the wasm holds them, 4 bytes a pair.
static SIMPLIFIED: [(u16, u16); PAIRS.len()] = narrow();

/// [`PAIRS`] in 16-bit code units, at compile time (every char of it is in the BMP).
const fn narrow() -> [(u16, u16); PAIRS.len()] {
    let mut out = [(0, 0); PAIRS.len()];
    let mut k = 0;
    while k < PAIRS.len() {
        out[k] = (PAIRS[k].0 as u32 as u16, PAIRS[k].1 as u32 as u16);
        k += 1;
    }
    out
}

/// The simplified form of a traditional char the parser's rules key on (`億` → `亿`, `號` → `号`,
/// `屆` → `届`), else the char itself. One char to one char of the same UTF-8 length.
pub fn simplified(c: char) -> char {
    if c < '\u{4E00}' {
        return c;
    }
    let Ok(unit) = u16::try_from(c as u32) else { return c };
    match SIMPLIFIED.binary_search_by(|&(t, _)| t.cmp(&unit)) {
        Ok(k) => char::from_u32(u32::from(SIMPLIFIED[k].1)).unwrap_or(c),
        Err(_) => c,
    }
}

/// A text with [`simplified`] applied to every char, if that changes any (a page in traditional
/// script); `None` for a text in simplified script, which the parser reads as it is.
pub fn simplify(s: &str) -> Option<String> {
    let changed = s.chars().any(|c| simplified(c) != c);
    changed.then(|| s.chars().map(simplified).collect())
}

/// Whether `c` is a Chinese character of the basic block (U+4E00–U+9FFF).
pub fn han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `word` stands in `s` at char position `at`.
pub fn starts_with(s: &[char], at: usize, word: &str) -> bool {
    (at..).zip(word.chars()).all(|(k, w)| s.get(k) == Some(&w))
}

/// The first of `words` that stands in `s` at `at` (list longer words first).
pub fn match_word<'a>(s: &[char], at: usize, list: &'a str) -> Option<&'a str> {
    words(list).find(|w| starts_with(s, at, w))
}

/// The words of a word list written as one string, apart by `|` (`"局|厅|委员会"`): the
/// parser's lists are kept so, not as `&[&str]`, whose every word costs the wasm an 8-byte
/// slice (address and length) that gzip barely shrinks (README, "Size").
pub fn words(list: &str) -> std::str::Split<'_, char> {
    list.split('|')
}

/// Whether `w` is one of the words of `list` (a whole word: `listed("局|厅", "厅")`, never a
/// substring, which `list.contains(w)` on the joined string would be).
///
/// ```
/// use reply_core::text::listed;
/// assert!(listed("局|厅|委员会", "厅"));
/// assert!(!listed("局|厅|委员会", "委员"));
/// ```
pub fn listed(list: &str, w: &str) -> bool {
    words(list).any(|x| x == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_is_the_basic_block() {
        assert!(han('一') && han('答') && han('\u{9fff}'));
        assert!(!han('A') && !han('２') && !han('，') && !han('\u{3400}'));
    }

    #[test]
    fn folding_is_one_to_one() {
        assert_eq!(fold("２０２３ＡＢｃ，"), "2023abc,");
        assert_eq!(fold("科技　金融"), "科技 金融");
        assert_eq!(fold("Straße"), "straße");
        for s in ["２０２３ＡＢｃ，", "科技　金融", "Straße"] {
            assert_eq!(fold(s).chars().count(), s.chars().count());
        }
    }

    #[test]
    fn traditional_forms_fold_to_simplified_ones() {
        let s = "十三屆全國人大四次會議 270億元 64萬戶 國科發高〔2016〕51號 發佈日期";
        assert_eq!(simplify(s).as_deref(), Some("十三届全国人大四次会议 270亿元 64万户 国科发高〔2016〕51号 发布日期"));
        assert_eq!(simplify("十三届全国人大四次会议"), None, "simplified text is left as it is");
        for w in PAIRS.windows(2) {
            assert!(w[0].0 < w[1].0, "sorted: {:?}", w);
        }
        for &(t, s) in PAIRS {
            assert_eq!(simplified(t), s);
            assert!(u32::from(t) <= 0xFFFF && u32::from(s) <= 0xFFFF, "{t}: in the BMP");
            assert_eq!(t.len_utf8(), s.len_utf8(), "{t}");
            assert_ne!(t, s);
        }
    }

    #[test]
    fn words_at_positions() {
        let s: Vec<char> = "万亿元".chars().collect();
        assert!(starts_with(&s, 0, "万亿"));
        assert!(starts_with(&s, 2, "元"));
        assert!(!starts_with(&s, 2, "元素"), "past the end");
        assert_eq!(match_word(&s, 0, "万亿|万"), Some("万亿"));
        assert_eq!(match_word(&s, 1, "万亿|万"), None);
    }

    #[test]
    fn word_lists_are_one_string() {
        assert_eq!(words("局|委员会|厅").collect::<Vec<_>>(), ["局", "委员会", "厅"]);
        assert_eq!(words("注").collect::<Vec<_>>(), ["注"]);
        // A word is equal to a listed one, not inside the list's string.
        assert!(!words("局|委员会").any(|w| w == "员"));
    }
}
